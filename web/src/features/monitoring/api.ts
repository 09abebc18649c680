import type { DepartmentImportReport, RiskClue } from '../../../../src/modules/monitoring/contract';
import type { CaseView } from '../../../../src/modules/cases/contract';
import { api, request } from '../../ui/api';

export type { DepartmentImportReport, RiskClue };

export interface ClueFilter {
  status?: string;
  riskType?: string;
  channel?: string;
  level?: string;
  householdId?: number;
  page?: number;
  pageSize?: number;
}

export const monitoringApi = {
  clues: (q: ClueFilter) => api.get<{ total: number; items: RiskClue[] }>('/api/monitoring/clues', { ...q }),
  /** Opens a case from a clue (the clue moves to IN_CASE). */
  openCase: (body: { householdId: number; clueId: number; category: string; risks: string[]; channel: string; source?: string }) => api.post<CaseView>('/api/cases', body),
  templateUrl: (department: string) => `/api/monitoring/department-files/${department}/template.csv`,
  /** Uploads a department warning file for a dry run (report only) or a commit (all-or-nothing). */
  importFile: (department: string, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<DepartmentImportReport>('POST', `/api/monitoring/department-imports?department=${department}&dryRun=${dryRun}`, form);
  },
};
