import type { Deps } from '../../../platform/deps.js';
import { forbidden, invalidInput } from '../../../platform/errors.js';
import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { invalidateWorkCalendar } from '../params.js';

/** Marks a day as a holiday or a make-up working day in the calendar used for deadlines. County admins. Audited. */
export async function setCalendarDay(deps: Deps, actor: Actor, input: { day: string; isWorking: boolean; note?: string }): Promise<void> {
  if (actor.role !== 'system' && actor.role !== 'county_admin') throw forbidden('only county administrators edit the calendar');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day) || Number.isNaN(Date.parse(input.day))) throw invalidInput('bad date', [{ path: 'day', code: 'cases.calendar.day_format', message: 'expected YYYY-MM-DD', value: input.day }]);
  await deps.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_calendar_day')
      .values({ day: input.day, is_working: input.isWorking, note: input.note ?? '' })
      .onConflict((oc) => oc.column('day').doUpdateSet({ is_working: input.isWorking, note: input.note ?? '' }))
      .execute();
    await recordAudit(trx, actor, deps.clock.now(), { action: 'case.calendar.set', entityType: 'case_calendar_day', entityId: input.day, after: input });
  });
  invalidateWorkCalendar();
}
