import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../access/index.js';
import { AppError } from '../../../platform/errors.js';
import {
  CouplingQuerySchema,
  CouplingSchema,
  IndicatorImportReportSchema,
  IndicatorSystemInputSchema,
  IndicatorSystemSchema,
  IndicatorValueListSchema,
  RankingQuerySchema,
  RankingSchema,
  SystemQuerySchema,
  ValuesQuerySchema,
} from './contract.js';
import { buildIndicatorTemplateCsv, buildIndicatorTemplateXlsx } from './use-cases/build-indicator-template.js';
import { evaluateRevitalisationCoupling } from './use-cases/evaluate-revitalisation-coupling.js';
import { getIndicatorSystem } from './use-cases/get-indicator-system.js';
import { importIndicatorValues } from './use-cases/import-indicator-values.js';
import { listIndicatorValues } from './use-cases/list-indicator-values.js';
import { rankDivisions } from './use-cases/rank-divisions.js';
import { saveIndicatorSystem } from './use-cases/save-indicator-system.js';
import './messages.js';

const tags = ['evaluation'];

/**
 * Revitalisation indicators: the indicator system (GET every role in scope, PUT county admins), values
 * (list, template, import with dry run), the entropy-weight TOPSIS ranking and the coupling
 * coordination degree. Aggregates only, so analysts may read them.
 */
export async function registerIndicatorRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/evaluation/indicator-system', { schema: { tags, querystring: SystemQuerySchema, response: { 200: IndicatorSystemSchema } } }, async (req) =>
    getIndicatorSystem(req.deps, requireActor(req), req.query.county),
  );
  api.put(
    '/api/evaluation/indicator-system',
    { schema: { tags, querystring: SystemQuerySchema, body: IndicatorSystemInputSchema, response: { 200: IndicatorSystemSchema } } },
    async (req) => saveIndicatorSystem(req.deps, requireActor(req), req.query.county, req.body),
  );
  api.get('/api/evaluation/indicator-values', { schema: { tags, querystring: ValuesQuerySchema, response: { 200: IndicatorValueListSchema } } }, async (req) =>
    listIndicatorValues(req.deps, requireActor(req), req.query),
  );
  api.get(
    '/api/evaluation/indicator-values/template.:format',
    { schema: { tags, params: z.object({ format: z.enum(['csv', 'xlsx']) }), querystring: SystemQuerySchema } },
    async (req, reply) => {
      const system = await getIndicatorSystem(req.deps, requireActor(req), req.query.county);
      const name = req.lang === 'en' ? 'indicator-values' : 'indicator-values-zh';
      if (req.params.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(buildIndicatorTemplateCsv(system, req.lang));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await buildIndicatorTemplateXlsx(system, req.lang));
    },
  );
  api.post(
    '/api/evaluation/indicator-values/import',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true') }),
        response: { 200: IndicatorImportReportSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await req.file();
      if (!file) throw new AppError('invalid_input', 'no file', { details: [{ path: 'file', code: 'errors.file_required', message: 'a CSV or XLSX file is required' }] });
      return importIndicatorValues(req.deps, actor, { fileName: file.filename, bytes: await file.toBuffer(), dryRun: req.query.dryRun, lang: req.lang });
    },
  );
  api.get('/api/evaluation/ranking', { schema: { tags, querystring: RankingQuerySchema, response: { 200: RankingSchema } } }, async (req) =>
    rankDivisions(req.deps, requireActor(req), req.query),
  );
  api.get('/api/evaluation/coupling', { schema: { tags, querystring: CouplingQuerySchema, response: { 200: CouplingSchema } } }, async (req) =>
    evaluateRevitalisationCoupling(req.deps, requireActor(req), req.query),
  );
}
