import type { CreateUserRequest, Me, UpdateUserRequest, User, UserChangeResult, UserList } from '../../../../src/modules/access/contract';
import { api } from '../../ui/api';

export type { CreateUserRequest, Me, UpdateUserRequest, User, UserChangeResult };
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

export interface UserListParams {
  q?: string;
  role?: Role;
  disabled?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

export const accessApi = {
  me: () => api.get<Me>('/api/auth/me'),
  login: (username: string, password: string) => api.post<Me>('/api/auth/login', { username, password }),
  logout: () => api.post<{ ok: boolean }>('/api/auth/logout'),
  listUsers: (q: UserListParams) => api.get<UserList>('/api/users', { ...q }),
  createUser: (u: CreateUserRequest) => api.post<UserChangeResult>('/api/users', u),
  updateUser: (id: number, patch: UpdateUserRequest) => api.patch<UserChangeResult>(`/api/users/${id}`, patch),
};

/** Role checks the UI uses to hide what the server would refuse anyway (the server is the fence). */
export const can = {
  seePersonalData: (r: Role) => r !== 'analyst',
  editRegistry: (r: Role) => r === 'county_admin' || r === 'township_officer' || r === 'village_cadre' || r === 'task_force',
  importRegistry: (r: Role) => r === 'county_admin',
  manageUsers: (r: Role) => r === 'county_admin',
  readAudit: (r: Role) => r === 'county_admin' || r === 'auditor',
};
