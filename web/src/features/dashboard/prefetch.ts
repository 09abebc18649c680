import type { Me } from '../access/api';
import { prefixOf } from '../divisions/api';
import { initialDivision } from '../divisions/current-division';
import { registryApi } from '../registry/api';

/**
 * Asks for the dashboard's overview as soon as the session is known, while the dashboard's code is
 * still loading: the same request the page makes first (its division, the default year), which the
 * page then takes instead of asking again.
 */
export function prefetchDashboard(me: Me): void {
  const division = initialDivision(me);
  if (division) registryApi.prefetchOverview(prefixOf(division), undefined);
}
