import { matchPath } from 'react-router-dom';
import type { Role } from '../features/access/api';
import { appRoutes } from '../routes';

/** Whether a role may open a path of the app (the route table's rule, as in the side menu), so pages link only where the user can go. */
export function mayOpen(pathname: string, role: Role): boolean {
  const route = appRoutes.find((r) => matchPath(r.path, pathname));
  return route !== undefined && (!route.roles || route.roles.includes(role));
}
