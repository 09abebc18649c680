import type { ImportJobBody, ImportSummaryBody } from '../../../../src/modules/registry/import-export/contract';
import { api, download, request } from '../../ui/api';

export type ImportJob = ImportJobBody;
export type ImportSummary = ImportSummaryBody;
export type ImportRowError = ImportSummary['errors'][number];

export const importsApi = {
  template: (format: 'xlsx' | 'csv', kind: 'people' | 'incomes', lang: string) => download('/api/imports/template', { format, kind, lang }, `template.${format}`),
  /** Uploads the people file (and optionally the incomes file) for a dry run (default) or a direct commit. */
  upload: (people: File, incomes: File | null, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', people, people.name);
    if (incomes) form.append('incomes', incomes, incomes.name);
    return request<ImportJob>('POST', `/api/imports/households?dryRun=${dryRun}`, form);
  },
  job: (id: number) => api.get<ImportJob>(`/api/imports/${id}`),
  commit: (id: number) => api.post<ImportJob>(`/api/imports/${id}/commit`),
  errorReport: (id: number, format: 'xlsx' | 'csv', lang: string) => download(`/api/imports/${id}/errors`, { format, lang }, `import-${id}-errors.${format}`),
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a job until it has finished, reporting each state. */
export async function pollJob(id: number, onUpdate: (job: ImportJob) => void, isCancelled: () => boolean): Promise<ImportJob> {
  for (;;) {
    const job = await importsApi.job(id);
    onUpdate(job);
    if (job.status === 'succeeded' || job.status === 'failed' || isCancelled()) return job;
    await sleep(600);
  }
}
