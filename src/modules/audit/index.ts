export { recordAudit, type AuditInput } from './store/audit-store.js';
export { verifyAuditChain, type ChainReport } from './use-cases/verify-audit-chain.js';
export { canonicalJson } from './domain/hash-chain.js';
