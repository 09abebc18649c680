import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { pickLang, type Lang } from '../platform/messages.js';
import type { Actor } from '../modules/access/index.js';
import { registerAccessRoutes } from '../modules/access/http.js';
import { followRegistryChanges } from '../modules/monitoring/index.js';
import { handleError, sendError } from './errors.js';
import { validatorCompiler } from './validation.js';
import { routeModules } from './routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    deps: Deps;
    lang: Lang;
    /** Set by the access module from the session cookie; null when not signed in. */
    actor: Actor | null;
  }
  interface FastifyInstance {
    uploadLimitMb: number;
  }
}

export type App = FastifyInstance & { withTypeProvider: FastifyInstance['withTypeProvider'] };
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & ReturnType<typeof typed>;
const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const HealthSchema = z
  .object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() })
  .meta({ id: 'Health' });

/**
 * @fastify/swagger cannot turn a `$ref` into query, path or header parameters, so schemas with an
 * OpenAPI id (`.meta({ id })`) anywhere inside those places would break the document. They are
 * inlined here (converted without the id registry); bodies and responses keep their shared components.
 */
const noIds = z.registry<{ id?: string }>();
const transformWithoutParameterRefs: typeof jsonSchemaTransform = (input) => {
  const parameters: Record<string, unknown> = {};
  const rest = { ...input.schema } as Record<string, unknown>;
  for (const part of ['querystring', 'params', 'headers']) {
    const s = rest[part];
    if (!(s instanceof z.ZodType)) continue;
    const { $schema: _drop, ...inline } = z.toJSONSchema(s, { io: 'input', metadata: noIds, unrepresentable: 'any' });
    parameters[part] = inline;
    delete rest[part];
  }
  const out = jsonSchemaTransform({ ...input, schema: rest as typeof input.schema });
  return { ...out, schema: { ...out.schema, ...parameters } };
};

/** Assembles the HTTP app: one error shape, zod validation both ways, OpenAPI, security headers, the web app. */
export async function buildApp(deps: Deps, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const uploadLimitBytes = deps.config.MAX_UPLOAD_MB * 1024 * 1024;
  const app = Fastify({
    logger: options.logger ? { level: deps.config.LOG_LEVEL } : false,
    bodyLimit: 5 * 1024 * 1024,
    // Behind a TLS-terminating proxy: req.protocol (the cookie's Secure flag) and req.ip (the rate limits) from X-Forwarded-*.
    trustProxy: deps.config.TRUST_PROXY,
    genReqId: () => Math.random().toString(36).slice(2, 10),
    // Errors Fastify meets before routing (a malformed URL such as a broken %-escape): the one error shape too.
    frameworkErrors: (error, req, reply) =>
      sendError(reply, pickLang(undefined, req.headers['accept-language']), new AppError('invalid_input', error.message, { details: [{ path: 'url', message: error.message }] })),
  });
  app.decorate('uploadLimitMb', deps.config.MAX_UPLOAD_MB);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('deps', null as unknown as Deps);
  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('actor', null);
  // After the cookie plugin: its onRequest hook parses req.cookies, which the language choice reads.
  await app.register(cookie);
  app.addHook('onRequest', async (req) => {
    req.deps = deps;
    req.lang = pickLang(req.cookies?.lang, req.headers['accept-language']);
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
    },
  });
  await app.register(multipart, { limits: { fileSize: uploadLimitBytes, files: 2 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: { title: 'ruralbridge API', version: '0.1.0' } },
    transform: transformWithoutParameterRefs,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const api = typed(app);
  api.get('/api/health', { schema: { tags: ['platform'], response: { 200: HealthSchema } } }, async () => ({
    status: 'ok' as const,
    database: deps.store.kind,
    version: '0.1.0',
  }));
  api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerAccessRoutes(app);
  for (const register of routeModules) await register(app);
  // Module wiring: monitoring re-evaluates the households a registry edit or import touched.
  followRegistryChanges();

  const hasWeb = existsSync(WEB_DIST + 'index.html');
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      // The build writes .br and .gz beside each file (web/vite.config.ts); sent by Accept-Encoding.
      preCompressed: true,
      // Hashed assets never change under their name; the page itself is revalidated on each load.
      setHeaders: (reply, path) => reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes get the page; a missing hashed asset (e.g. of an older build) is a 404, not the page as a script.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) return reply.sendFile('index.html');
    return sendError(reply, req.lang, new AppError('not_found', 'no route', { key: 'errors.route_not_found' }), { route: `${req.method} ${req.url.split('?')[0]}` });
  });
  return app;
}
