import type { MpiBreakdown, MpiEvaluation, MpiSpecState, PovertyEvaluation } from '../../../../src/modules/evaluation/contract';
import { api } from '../../ui/api';

export type { MpiEvaluation, PovertyEvaluation };

/** Years with income records in the registry's transition period (the trend and the year selector). */
export const POVERTY_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;

export const povertyApi = {
  income: (division: string, year: number, by?: 'household_type' | 'relocated' | 'ethnicity') =>
    api.get<PovertyEvaluation>('/api/evaluation/poverty', { division, year, by }),
  mpi: (division: string, year: number, by?: MpiBreakdown) => api.get<MpiEvaluation>('/api/evaluation/mpi', { division, year, by }),
  mpiSpec: (division: string) => api.get<MpiSpecState>('/api/evaluation/mpi/spec', { division }),
  /** P0 for each year of the trend; a year without a threshold or records gives null. */
  trend: (division: string) =>
    Promise.all(
      POVERTY_YEARS.map((year) =>
        povertyApi.income(division, year).then(
          (r) => ({ year, P0: r.P0 }),
          () => ({ year, P0: null as number | null }),
        ),
      ),
    ),
};
