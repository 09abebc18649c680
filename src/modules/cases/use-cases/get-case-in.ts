import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../access/index.js';
import type { CaseStatus, RiskType } from '../domain/enums.js';
import { getCase } from '../store/case-store.js';

export interface CaseSummary {
  id: number;
  householdId: number;
  countyCode: string;
  villageCode: string;
  status: CaseStatus;
  risks: RiskType[];
  identifiedOn: string | null;
  assistFirst: boolean;
}

/** A case in the actor's scope, inside the caller's transaction (used by the assistance module), or null. */
export async function getCaseIn(trx: Transaction<Database>, actor: Actor, caseId: number): Promise<CaseSummary | null> {
  const c = await getCase(trx, actor.scopePrefix, caseId);
  return c ? { id: c.id, householdId: c.householdId, countyCode: c.countyCode, villageCode: c.villageCode, status: c.status, risks: c.risks, identifiedOn: c.identifiedOn, assistFirst: c.assistFirst } : null;
}
