import type { ParameterValue } from '../../../../src/modules/parameters/contract';
import { api } from '../../ui/api';

/**
 * The monitoring threshold (yuan per person per year) in force at the end of each year for a
 * division (county overrides, then province, then the shipped default), from the parameters API.
 */
export async function thresholdsYuan(divisionCode: string, years: number[]): Promise<Map<number, number | null>> {
  const code = divisionCode.slice(0, 6);
  const answers = await Promise.all(
    years.map((y) =>
      api
        .get<ParameterValue>('/api/parameters/monitoring-threshold', { code, date: `${y}-12-31` })
        .then((p) => [y, p.value] as const)
        .catch(() => [y, null] as const),
    ),
  );
  return new Map(answers);
}
