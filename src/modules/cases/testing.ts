/** Builders for cases tests: evidence for each step with sensible defaults. */
import type { TransitionRequest } from './contract.js';

export const visit = (date: string) => ({ date, checkers: [{ name: '王村干' }, { name: '李驻村' }], findings: '收入下降，家中有大病患者' });
export const minutes = (date: string, votesFor = 9, attendees = 11) => ({ date, attendees, votesFor, votesAgainst: attendees - votesFor, abstentions: 0, summary: '村民代表评议' });

/** Evidence for a step taken on `today` (notice from today for 5 days). */
export function evidenceFor(action: TransitionRequest['action'], today: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const end = addDaysUtc(today, 4);
  switch (action) {
    case 'assign':
    case 'assign_elim_verification':
      return {};
    case 'submit_verification':
      return { visit: visit(today), authorisation: { signed: true, signedOn: today, signer: '户主', documentRef: 'SQ-001' } };
    case 'record_comparison':
      return { comparison: { date: today, departments: ['公安', '不动产', '市场监管'], result: 'CLEAR' } };
    case 'record_review':
    case 'record_elim_review':
      return { minutes: minutes(today), notice: { startDate: today, endDate: end, objectionContact: '村委会 0857-1234567' } };
    case 'close_publicity':
    case 'close_elim_publicity':
      return { summary: '公示期满无异议' };
    case 'township_pass':
    case 'elim_township_pass':
      return { review: { date: today, opinion: '同意', onSiteCheck: false } };
    case 'county_approve':
    case 'approve_elimination':
      return { approval: { documentNo: '县乡振〔2025〕12号', date: today } };
    case 'start_monitoring':
      return { enteredOn: today };
    case 'propose_elimination':
      return { eliminationType: 'BY_ASSISTANCE', incomeStableSince: addDaysUtc(today, -200), rigidExpensesResolved: true, ...extra };
    case 'submit_elim_verification':
      return { visit: visit(today), forms: { collectionFormRef: 'C-1', measuresFormRef: 'M-1', assessmentFormRef: 'A-1' } };
    default:
      return { reason: '不符合条件', ...extra };
  }
}

export function addDaysUtc(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
