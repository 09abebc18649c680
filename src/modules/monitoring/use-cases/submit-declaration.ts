import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../../platform/deps.js';
import { invalidInput } from '../../../platform/errors.js';
import { translate, type Lang } from '../../../platform/messages.js';
import { systemActor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { findPeopleByIdNumbers, maskIdNumber, parseIdNumber } from '../../registry/index.js';
import { PublicDeclarationRequestSchema, type PublicDeclarationRequest } from '../contract.js';
import { sanitizeText } from '../domain/sanitize.js';
import { reportClue } from '../store/clue-store.js';

/**
 * A self-declaration from the public form (no login). The village must exist; texts are sanitised.
 * When the ID number belongs to a registered person the clue is attached to their household,
 * otherwise the clue carries the declared name for the village to check. The answer is the same in
 * both cases (a receipt number), so the form does not reveal whether a person is registered.
 */
export async function submitDeclaration(deps: Deps, input: PublicDeclarationRequest, client: { ip: string; lang: Lang }) {
  const body = PublicDeclarationRequestSchema.parse(input);
  const name = sanitizeText(body.name, 40);
  const description = sanitizeText(body.description, 2000);
  const problems = [];
  if (!name) problems.push({ path: 'name', message: 'empty after cleaning', code: 'monitoring.empty_after_cleaning' });
  if (!description) problems.push({ path: 'description', message: 'empty after cleaning', code: 'monitoring.empty_after_cleaning' });
  const idNumber = body.idNumber ? body.idNumber.toUpperCase() : null;
  const now = deps.clock.now();
  if (idNumber && !parseIdNumber(idNumber, now.toISOString().slice(0, 10)).ok) problems.push({ path: 'idNumber', message: 'bad ID number', code: 'monitoring.bad_id_number' });
  const village = await deps.store.db.selectFrom('division').select(['code', 'level']).where('code', '=', body.villageCode).executeTakeFirst();
  if (!village || village.level !== 5) problems.push({ path: 'villageCode', message: 'unknown village', code: 'monitoring.unknown_village', value: body.villageCode });
  if (problems.length) throw invalidInput('invalid declaration', problems);

  const reference = `SB${now.toISOString().slice(2, 10).replace(/-/g, '')}${randomBytes(4).toString('hex').toUpperCase()}`;
  const actor = systemActor('public-form');
  await deps.store.db.transaction().execute(async (trx) => {
    const [person] = idNumber ? await findPeopleByIdNumbers(trx, '', [idNumber]) : [];
    const villageCode = person?.villageCode ?? body.villageCode;
    const countyCode = person?.countyCode ?? body.villageCode.slice(0, 6);
    const row = await trx
      .insertInto('self_declaration')
      .values({
        reference,
        county_code: countyCode,
        village_code: body.villageCode,
        declarant_name: name,
        id_number: idNumber,
        phone: body.phone ?? null,
        risk_types: body.riskTypes,
        description,
        household_id: person?.householdId ?? null,
        person_id: person?.personId ?? null,
        client_hash: createHash('sha256').update(client.ip).digest('hex'),
        received_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const riskType of [...new Set(body.riskTypes)]) {
      await reportClue(trx, now, {
        householdId: person?.householdId ?? null,
        personId: person?.personId ?? null,
        countyCode,
        villageCode,
        riskType,
        level: 'YELLOW',
        channel: 'SELF_DECLARATION',
        source: `declaration:${reference}`,
        sourceDept: null,
        ruleId: null,
        fingerprint: `declaration|${reference}`,
        finding: { ruleId: 'self-declaration', level: 'YELLOW', values: { reference, description } },
        subject: person ? null : { name, idNumberMasked: idNumber ? maskIdNumber(idNumber) : null, phone: body.phone ?? null, declaredVillage: body.villageCode },
        detail: { declarationId: row.id, declaredVillage: body.villageCode },
      });
    }
    await recordAudit(trx, actor, now, {
      action: 'monitoring.declaration.receive',
      entityType: 'self_declaration',
      entityId: row.id,
      scopeCode: villageCode,
      after: { reference, villageCode: body.villageCode, riskTypes: body.riskTypes, matched: Boolean(person) },
    });
  });
  return { received: true as const, reference, message: translate(client.lang, 'monitoring.declaration_received', { reference }) };
}
