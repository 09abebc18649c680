import { translate, type Lang } from '../../../platform/messages.js';
import type { AuditVerify } from '../contract.js';
import type { ChainReport } from './verify-audit-chain.js';
import '../messages.js';

/** The verifier's report as the API and CLI show it, with a sentence in the reader's language. */
export function describeChainReport(report: ChainReport, lang: Lang): AuditVerify {
  const b = report.firstBreak;
  return {
    ok: b === null,
    events: report.events,
    firstBreak: b ? { seq: b.seq, problem: b.problem, message: translate(lang, `audit.chain.${b.problem}`, { ...b }) } : null,
    head: report.head ? { seq: report.head.seq, hash: report.head.hash } : null,
  };
}
