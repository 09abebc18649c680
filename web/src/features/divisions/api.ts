import type { z } from 'zod';
import type { DivisionChildSchema, DivisionDetailResponse } from '../../../../src/modules/divisions/contract';
import { api } from '../../ui/api';

type DivisionChild = z.infer<typeof DivisionChildSchema>;
export type DivisionDetail = DivisionDetailResponse;

/** What the navigator and pages keep of a division (a detail or a child row both fit). */
export interface Division {
  code: string;
  name: string;
  level: number;
  /** Significant digits (2, 4, 6, 9 or 12). */
  prefix?: string;
  parentCode?: string | null;
  childCount?: number;
}

export const divisionsApi = {
  get: (code: string) => api.get<DivisionDetail>(`/api/divisions/${code}`),
  children: (code: string) => api.get<DivisionChild[]>(`/api/divisions/${code}/children`),
};

export const isLeafDivision = (d: Division): boolean => d.level >= 5 || d.childCount === 0;

const PREFIX_LENGTH: Record<number, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/** The division's prefix (what the APIs take as `division=`). */
export const prefixOf = (d: Pick<Division, 'code' | 'level' | 'prefix'>): string => d.prefix ?? d.code.slice(0, PREFIX_LENGTH[d.level] ?? 12);
