import type { Me, NewUser } from '../../../../src/modules/access/contract';
import { api } from '../../ui/api';

export type { Me, NewUser };
export type Role = Me['role'];

export const ROLES: readonly Role[] = [
  'county_admin',
  'county_reviewer',
  'township_officer',
  'village_cadre',
  'task_force',
  'expert',
  'analyst',
  'auditor',
];

/** A user as the users API lists it (mirrors the access module's user listing). */
export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopePrefix: string;
  scopeName?: string;
  disabled: boolean;
  createdAt?: string;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  scopePrefix?: string;
  disabled?: boolean;
  password?: string;
}

export const accessApi = {
  me: () => api.get<Me>('/api/auth/me'),
  login: (username: string, password: string) => api.post<Me>('/api/auth/login', { username, password }),
  logout: () => api.post<{ ok: boolean }>('/api/auth/logout'),
  listUsers: () => api.get<UserRow[] | { items: UserRow[] }>('/api/users').then((r) => (Array.isArray(r) ? r : r.items)),
  createUser: (u: NewUser) => api.post<UserRow>('/api/users', u),
  updateUser: (id: number, patch: UserPatch) => api.patch<UserRow>(`/api/users/${id}`, patch),
};

/** Role checks the UI uses to hide what the server would refuse anyway (the server is the fence). */
export const can = {
  seePersonalData: (r: Role) => r !== 'analyst',
  editRegistry: (r: Role) => r === 'county_admin' || r === 'township_officer' || r === 'village_cadre' || r === 'task_force',
  importRegistry: (r: Role) => r === 'county_admin',
  manageUsers: (r: Role) => r === 'county_admin',
  readAudit: (r: Role) => r === 'county_admin' || r === 'auditor',
};
