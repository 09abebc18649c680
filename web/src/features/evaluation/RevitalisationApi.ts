import type {
  Coupling,
  CouplingRow,
  IndicatorImportReport,
  IndicatorSystem,
  IndicatorSystemInput,
  Ranking,
  RankingRow,
} from '../../../../src/modules/evaluation/indicators/contract';
import { api, download } from '../../ui/api';

export type { Coupling, CouplingRow, IndicatorImportReport, IndicatorSystem, IndicatorSystemInput, Ranking, RankingRow };

/** Years of the demo data; 2020 has no monitoring threshold and no previous year, so trends start in 2021. */
export const REVITALISATION_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

export const revitalisationApi = {
  ranking: (division: string, year: number, level?: 'village' | 'township') => api.get<Ranking>('/api/evaluation/ranking', { division, year, level }),
  coupling: (division: string, q: { year?: number; fromYear?: number; toYear?: number; formula?: 'classic' | 'corrected'; level?: 'village' | 'township' }) =>
    api.get<Coupling>('/api/evaluation/coupling', { division, ...q }),
  system: (county: string) => api.get<IndicatorSystem>('/api/evaluation/indicator-system', { county }),
  saveSystem: (county: string, body: IndicatorSystemInput) => api.put<IndicatorSystem>(`/api/evaluation/indicator-system?county=${county}`, body),
  importValues: (file: File, dryRun: boolean) => api.upload<IndicatorImportReport>(`/api/evaluation/indicator-values/import?dryRun=${dryRun}`, file),
  template: (county: string, format: 'csv' | 'xlsx') => download(`/api/evaluation/indicator-values/template.${format}`, { county }, `indicator-values.${format}`),
};

/** Colours of the 10 coordination levels (L = 0 extreme disorder … 9 high-quality coordination): red through yellow to green. */
export const LEVEL_COLOURS = ['#a50026', '#d73027', '#f46d43', '#fdae61', '#fee08b', '#d9ef8b', '#a6d96a', '#66bd63', '#1a9850', '#006837'];
export const levelTextColour = (level: number) => (level <= 1 || level >= 8 ? '#ffffff' : '#1f1f1f');
