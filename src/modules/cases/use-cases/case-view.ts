import { toLocalDate } from '../../../platform/clock.js';
import type { Actor } from '../../access/index.js';
import type { CaseView } from '../contract.js';
import { allowedActions } from '../domain/case-machine.js';
import { isOverdue } from '../domain/case-rules.js';
import type { CaseRecord } from '../store/case-store.js';

/** The API shape of a case, with its overdue flag on `today` and the actions this actor may take. */
export function toCaseView(c: CaseRecord & { householdNo: string; headName: string | null }, actor: Actor, today: string): CaseView {
  return {
    id: c.id,
    householdId: c.householdId,
    householdNo: c.householdNo,
    headName: c.headName,
    countyCode: c.countyCode,
    villageCode: c.villageCode,
    category: c.category,
    risks: c.risks,
    disasterSubtype: c.disasterSubtype,
    channel: c.channel,
    source: c.source,
    clueId: c.clueId,
    assistFirst: c.assistFirst,
    status: c.status,
    version: c.version,
    openedAt: c.openedAt.toISOString(),
    openedOn: c.openedOn,
    dueOn: c.dueOn,
    procedureDueOn: c.procedureDueOn,
    overdue: isOverdue(c.dueOn, today),
    identifiedOn: c.identifiedOn,
    eliminationType: c.eliminationType,
    eliminatedOn: c.eliminatedOn,
    allowedActions: allowedActions(c.status, actor.role),
  };
}

export const todayOf = (now: Date) => toLocalDate(now);
