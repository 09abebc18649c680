import { api } from '../../ui/api';

/** A division as the divisions API returns it (mirrors the divisions contract minimally). */
export interface Division {
  code: string;
  name: string;
  level: number;
  /** Significant digits (2, 4, 6, 9 or 12). */
  prefix?: string;
  parentCode: string | null;
  /** Present when the server knows it; villages (level 5) never have children. */
  hasChildren?: boolean;
  childCount?: number;
}

const unwrap = (r: Division[] | { items: Division[] }): Division[] => (Array.isArray(r) ? r : r.items);

export const divisionsApi = {
  get: (code: string) => api.get<Division & { ancestors?: Division[] }>(`/api/divisions/${code}`),
  children: (code: string) => api.get<Division[] | { items: Division[] }>(`/api/divisions/${code}/children`).then(unwrap),
};

export const isLeafDivision = (d: Division): boolean => d.level >= 5 || d.hasChildren === false || d.childCount === 0;

const PREFIX_LENGTH: Record<number, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/** The division's prefix (what the APIs take as `division=`). */
export const prefixOf = (d: Pick<Division, 'code' | 'level' | 'prefix'>): string => d.prefix ?? d.code.slice(0, PREFIX_LENGTH[d.level] ?? 12);
