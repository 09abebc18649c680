import type { AuditEvent, AuditPage, AuditVerify } from '../../../../src/modules/audit/contract';
import { api } from '../../ui/api';

export type { AuditEvent, AuditPage, AuditVerify };

export interface AuditParams {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditApi = {
  list: (q: AuditParams) => api.get<AuditPage>('/api/audit', { ...q }),
  verify: () => api.get<AuditVerify>('/api/audit/verify'),
};
