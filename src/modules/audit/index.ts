export { recordAudit, type AuditInput } from './store/audit-store.js';
export { verifyAuditChain, type ChainReport } from './use-cases/verify-audit-chain.js';
export { listAuditEvents } from './use-cases/list-audit-events.js';
export { auditDenied, type DeniedAttempt } from './use-cases/audit-denied.js';
export { describeChainReport } from './use-cases/describe-chain-report.js';
export { canonicalJson, type ChainBreak, type ChainProblem } from './domain/hash-chain.js';
export { maskIdNumbersDeep } from './domain/mask.js';
export * from './contract.js';
