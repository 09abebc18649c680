import { z } from 'zod';

/** HTTP contract of the divisions module. Codes are accepted as 12 digits or as the significant prefix. */
export const DivisionLevelSchema = z.number().int().min(1).max(5).meta({ id: 'DivisionLevel', description: '1 province, 2 city, 3 county, 4 township, 5 village' });

export const DivisionCodeParamsSchema = z
  .object({ code: z.string().max(20).meta({ description: '12-digit division code or its significant prefix (2, 4, 6, 9 digits)', examples: ['520527', '520527000000'] }) })
  .meta({ id: 'DivisionCodeParams' });

export const DivisionRefSchema = z
  .object({ code: z.string(), prefix: z.string(), name: z.string(), level: DivisionLevelSchema })
  .meta({ id: 'DivisionRef' });

export const DivisionDetailSchema = z
  .object({
    code: z.string(),
    prefix: z.string(),
    name: z.string(),
    level: DivisionLevelSchema,
    parentCode: z.string().nullable(),
    ancestors: z.array(DivisionRefSchema),
    childCount: z.number().int(),
  })
  .meta({ id: 'DivisionDetail' });
export type DivisionDetailResponse = z.infer<typeof DivisionDetailSchema>;

export const DivisionChildSchema = z
  .object({ code: z.string(), prefix: z.string(), name: z.string(), level: DivisionLevelSchema, childCount: z.number().int() })
  .meta({ id: 'DivisionChild' });
export const DivisionChildrenSchema = z.array(DivisionChildSchema).meta({ id: 'DivisionChildren' });

export const DivisionSearchQuerySchema = z
  .object({
    q: z.string().meta({ description: 'part of the name (1–50 characters)' }),
    within: z.string().max(20).optional().meta({ description: 'only inside this division (code or prefix)' }),
  })
  .meta({ id: 'DivisionSearchQuery' });

export const DivisionHitSchema = z
  .object({
    code: z.string(),
    prefix: z.string(),
    name: z.string(),
    level: DivisionLevelSchema,
    parentCode: z.string().nullable(),
    path: z.array(z.string()).meta({ description: 'ancestor names, province first' }),
  })
  .meta({ id: 'DivisionHit' });
export const DivisionSearchResultSchema = z.array(DivisionHitSchema).meta({ id: 'DivisionSearchResult' });
