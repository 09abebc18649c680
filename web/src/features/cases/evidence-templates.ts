/** Evidence templates per step, shown in the step form (the server validates every field). */
export function evidenceTemplate(action: string, today: string): unknown {
  const visit = { date: today, checkers: [{ name: '' }, { name: '' }], findings: '' };
  const approval = { documentNo: '', date: today };
  switch (action) {
    case 'submit_verification':
      return { visit, authorisation: { signed: true, signedOn: today, signer: '', byProxy: false, documentRef: '' } };
    case 'record_comparison':
      return { comparison: { date: today, departments: ['公安', '不动产', '市场监管'], result: 'CLEAR', findings: '' } };
    case 'record_review':
    case 'record_elim_review':
      return { minutes: { date: today, attendees: 0, votesFor: 0, votesAgainst: 0, abstentions: 0, summary: '' }, notice: { startDate: today, endDate: today, objectionContact: '' } };
    case 'close_publicity':
    case 'close_elim_publicity':
      return { summary: '' };
    case 'township_pass':
    case 'elim_township_pass':
      return { review: { date: today, opinion: '', onSiteCheck: false } };
    case 'county_approve':
    case 'approve_elimination':
      return { approval };
    case 'start_monitoring':
      return { enteredOn: today };
    case 'propose_elimination':
      return { eliminationType: 'BY_ASSISTANCE', incomeStableSince: today, rigidExpensesResolved: true };
    case 'submit_elim_verification':
      return { visit, forms: { collectionFormRef: '', measuresFormRef: '', assessmentFormRef: '' } };
    case 'reject':
      return { reason: '' };
    case 'reject_elimination':
    case 'township_return':
      return { reason: '' };
    case 'rollback':
      return { reason: '', approval };
    case 'reinclude':
      return { newRisks: [], reason: '', approval };
    case 'close':
      return { reason: 'OTHER', explanation: '' };
    default:
      return {};
  }
}
