import { z } from 'zod';

/** Request and response bodies of the import/export API. */
const Counts = z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const ImportSummarySchema = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    fileName: z.string(),
    sha256: z.string(),
    incomesFileName: z.string().nullable(),
    encoding: z.enum(['utf8', 'gb18030']).nullable(),
    rows: z.object({ people: z.number().int(), incomes: z.number().int() }),
    counts: z
      .object({ households: Counts, persons: Counts.extend({ removed: z.number().int() }), incomes: Counts })
      .nullable(),
    errorCount: z.number().int(),
    /** The first errors, in the reader's language; all of them are in the error report. */
    errors: z.array(z.object({ table: z.string(), row: z.number().int(), column: z.string(), value: z.string(), reason: z.string() })),
    importId: z.number().int().nullable(),
  })
  .meta({ id: 'ImportSummary' });
export type ImportSummaryBody = z.infer<typeof ImportSummarySchema>;

export const ImportJobSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    /** 0..1 */
    progress: z.number(),
    phase: z.string().nullable(),
    dryRun: z.boolean(),
    errorCount: z.number().int(),
    summary: ImportSummarySchema.nullable(),
    error: z
      .object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })) })
      .nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJobBody = z.infer<typeof ImportJobSchema>;

export const ImportUploadQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
});
export const ImportJobParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const TemplateQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  kind: z.enum(['people', 'incomes']).default('people'),
  lang: z.enum(['zh-CN', 'en']).optional(),
});
export const ErrorReportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.enum(['zh-CN', 'en']).optional() });
export const ExportQuerySchema = z.object({
  division: z.string().trim().regex(/^\d{2,12}$/),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** CSV only: which table (people or incomes). */
  kind: z.enum(['people', 'incomes']).default('people'),
  lang: z.enum(['zh-CN', 'en']).optional(),
});
