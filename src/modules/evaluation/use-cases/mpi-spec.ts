import { createRequire } from 'node:module';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { MpiSpecSchema, SetMpiSpecRequestSchema, type MpiSpec, type MpiSpecState } from '../mpi-contract.js';
import { findSpec, upsertSpec } from '../store/spec-store.js';
import '../mpi-messages.js';

const require = createRequire(import.meta.url);
const DEFAULT_FILE = 'src/modules/evaluation/defaults/mpi-spec.json';

function parseShipped(): MpiSpec {
  const parsed = MpiSpecSchema.safeParse(require('../defaults/mpi-spec.json'));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`${DEFAULT_FILE}: key ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return parsed.data;
}

/** The shipped default specification (validated when the module loads: a broken file fails at start-up). */
export const shippedMpiSpec: MpiSpec = parseShipped();

/** The county of a division prefix ('' above county level: the national spec applies). */
export const countyOf = (division: string): string => (division.length >= 6 ? division.slice(0, 6) : '');

/** The spec in force for a county: its own, else the national override, else the shipped default. */
export async function effectiveMpiSpec(db: Kysely<Database> | Transaction<Database>, county: string): Promise<MpiSpecState> {
  const stored = await findSpec(db, 'mpi', county);
  if (!stored) return { scopeCode: '', source: 'default', spec: shippedMpiSpec, updatedAt: null, updatedBy: null, version: 0 };
  return {
    scopeCode: stored.scopeCode,
    source: 'county',
    // Stored specs were validated when written; parse again so an old row can never reach the maths unchecked.
    spec: MpiSpecSchema.parse(stored.spec),
    updatedAt: stored.updatedAt.toISOString(),
    updatedBy: stored.updatedBy,
    version: stored.version,
  };
}

/** GET: the spec in force for a division inside (or above) the actor's scope; default the actor's own. */
export async function getMpiSpec(deps: Deps, actor: Actor, division?: string): Promise<MpiSpecState> {
  const code = division ?? actor.scopePrefix;
  if (!code.startsWith(actor.scopePrefix) && !actor.scopePrefix.startsWith(code)) throw forbidden(`division ${code} is outside your scope`);
  return effectiveMpiSpec(deps.store.db, countyOf(code));
}

/**
 * PUT: replaces the county's spec. County administrators of that county (or the system). The body is
 * validated by MpiSpecSchema (positive weights, known indicators, k in (0, 1]); the change and the
 * spec before it are written to the audit chain in the same transaction.
 */
export async function setMpiSpec(deps: Deps, actor: Actor, input: unknown): Promise<MpiSpecState> {
  const req = SetMpiSpecRequestSchema.parse(input);
  if (actor.role !== 'system' && actor.role !== 'county_admin') {
    throw new AppError('forbidden', 'only county administrators change the MPI specification', { key: 'evaluation.mpi.spec_forbidden' });
  }
  if (!req.county.startsWith(actor.scopePrefix)) throw forbidden(`county ${req.county} is outside your scope`);
  const now = deps.clock.now();
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const current = await findSpec(trx, 'mpi', req.county);
    const currentVersion = current && current.scopeCode === req.county ? current.version : 0;
    if (req.version !== undefined && req.version !== currentVersion) {
      throw new AppError('conflict', `spec version ${currentVersion}, not ${req.version}`, { key: 'evaluation.mpi.version_conflict' });
    }
    const { before, version } = await upsertSpec(trx, { kind: 'mpi', scopeCode: req.county, spec: req.spec, updatedBy: actor.userId, updatedByName: actor.name, at: now });
    await recordAudit(trx, actor, now, {
      action: 'evaluation.mpi_spec.set',
      entityType: 'evaluation_spec',
      entityId: `mpi:${req.county}`,
      scopeCode: req.county,
      before: before ?? { source: 'default', spec: shippedMpiSpec },
      after: { version, spec: req.spec },
      reason: req.reason ?? null,
    });
    return effectiveMpiSpec(trx, req.county);
  });
}
