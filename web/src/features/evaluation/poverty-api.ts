import type { MpiBreakdown, MpiEvaluation, MpiSpecState, PovertyEvaluation } from '../../../../src/modules/evaluation/contract';
import { api } from '../../ui/api';
import { thresholdsYuan } from '../parameters/threshold';

export type { MpiEvaluation, PovertyEvaluation };

/** Years with income records in the registry's transition period (the trend and the year selector). */
export const POVERTY_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;

export const povertyApi = {
  income: (division: string, year: number, by?: 'household_type' | 'relocated' | 'ethnicity') =>
    api.get<PovertyEvaluation>('/api/evaluation/poverty', { division, year, by }),
  mpi: (division: string, year: number, by?: MpiBreakdown) => api.get<MpiEvaluation>('/api/evaluation/mpi', { division, year, by }),
  mpiSpec: (division: string) => api.get<MpiSpecState>('/api/evaluation/mpi/spec', { division }),
  setMpiSpec: (body: { county: string; spec: unknown; reason?: string; version?: number }) => api.put<MpiSpecState>('/api/evaluation/mpi/spec', body),
  /**
   * P0 for each year of the trend. Years without a monitoring threshold in force (before 2021) are
   * not asked for (there is no poverty line to measure against) and show as gaps, as do years without records.
   */
  trend: async (division: string) => {
    const thresholds = await thresholdsYuan(division.padEnd(12, '0'), [...POVERTY_YEARS]);
    return Promise.all(
      POVERTY_YEARS.map((year) =>
        thresholds.get(year) == null
          ? { year, P0: null as number | null, hasThreshold: false }
          : povertyApi.income(division, year).then(
              (r) => ({ year, P0: r.P0, hasThreshold: true }),
              () => ({ year, P0: null as number | null, hasThreshold: true }),
            ),
      ),
    );
  },
};
