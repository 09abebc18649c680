import type { AddMeasureRequest, EffectRequest, MeasureView, PlanLookup, PlanView, UpdateMeasureRequest } from '../../../../src/modules/assistance/contract';
import { api } from '../../ui/api';

export type { MeasureView, PlanView };
/** The measure form's body (amounts in integer fen). */
export type MeasureBody = Omit<AddMeasureRequest, 'responsibleUserId'>;

export const assistanceApi = {
  /** The plan, or null before one is made. */
  planOfCase: async (caseId: number) => (await api.get<PlanLookup>('/api/assistance/plans', { caseId })).plan,
  planOfHousehold: async (householdId: number) => (await api.get<PlanLookup>('/api/assistance/plans', { householdId })).plan,
  createPlan: (body: { caseId: number; responsibleName: string }) => api.post<PlanView>('/api/assistance/plans', body),
  addMeasure: (planId: number, body: MeasureBody) => api.post<MeasureView>(`/api/assistance/plans/${planId}/measures`, body),
  updateMeasure: (measureId: number, body: Omit<UpdateMeasureRequest, 'responsibleUserId'>) => api.put<MeasureView>(`/api/assistance/measures/${measureId}`, body),
  setStatus: (measureId: number, body: { status: 'IMPLEMENTING' | 'IMPLEMENTED'; version: number; on?: string }) => api.post<MeasureView>(`/api/assistance/measures/${measureId}/status`, body),
  recordEffect: (planId: number, body: EffectRequest) => api.put<PlanView>(`/api/assistance/plans/${planId}/effect`, body),
};
