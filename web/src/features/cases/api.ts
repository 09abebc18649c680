import type { CasePage, CaseView, Dashboard } from '../../../../src/modules/cases/contract';
import { api } from '../../ui/api';

export type { CasePage, CaseView, Dashboard };

export const casesApi = {
  queue: (q: { limit?: number; offset?: number } = {}) => api.get<{ total: number; items: CaseView[] }>('/api/cases/queue', q),
  list: (q: { status?: string; overdue?: string; limit?: number; offset?: number } = {}) => api.get<{ total: number; items: CaseView[] }>('/api/cases', q),
  page: (id: number) => api.get<CasePage>(`/api/cases/${id}`),
  transition: (id: number, body: { action: string; version: number; evidence: unknown; note?: string }) => api.post<CaseView>(`/api/cases/${id}/transitions`, body),
  noticePrintUrl: (noticeId: number, lang: string) => `/api/cases/notices/${noticeId}/print${lang === 'en' ? '?lang=en' : ''}`,
};
