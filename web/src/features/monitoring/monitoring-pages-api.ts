import type { z } from 'zod';
import type { ClueStats, EventHouseholdListSchema, FeedbackRequest, RiskEvent, RiskEventRequest, Visit, VisitRequest } from '../../../../src/modules/monitoring/contract';
import type { Dashboard } from '../../../../src/modules/cases/contract';
import { api } from '../../ui/api';

export type EventHouseholdList = z.infer<typeof EventHouseholdListSchema>;
export type EventHousehold = EventHouseholdList['items'][number];
export type { ClueStats, Dashboard, FeedbackRequest, RiskEvent, RiskEventRequest, Visit, VisitRequest };

/** Calls of the monitoring dashboard, risk-event, visit and feedback pages. */
export const monitoringPagesApi = {
  dashboard: (division?: string) => api.get<Dashboard>('/api/cases/dashboard', { division }),
  clueStats: (q: { division?: string; groupBy: 'status' | 'riskType' | 'channel' | 'level'; from?: string }) => api.get<ClueStats>('/api/monitoring/stats', { ...q }),
  events: () => api.get<{ items: RiskEvent[] }>('/api/monitoring/events'),
  recordEvent: (body: RiskEventRequest) => api.post<RiskEvent>('/api/monitoring/events', body),
  eventHouseholds: (id: number, page: number, pageSize: number) => api.get<EventHouseholdList>(`/api/monitoring/events/${id}/households`, { page, pageSize }),
  recordVisit: (body: VisitRequest) => api.post<Visit>('/api/monitoring/visits', body),
  recordFeedback: (body: FeedbackRequest) => api.post<{ clueIds: number[] }>('/api/monitoring/feedback', body),
};
