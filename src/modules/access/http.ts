import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Actor, Role } from './domain/actor.js';
import { LoginRequestSchema, MeSchema } from './contract.js';
import { login, logout, resolveSession } from './use-cases/sessions.js';
import { LoginThrottle } from './domain/login-throttle.js';

export const SESSION_COOKIE = 'rb_session';
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'sign in first');
  return req.actor;
}

/** The signed-in actor if their role is one of `roles`, else 403. */
export function requireRole(req: FastifyRequest, roles: readonly Role[]): Actor {
  const actor = requireActor(req);
  if (actor.role !== 'system' && !roles.includes(actor.role)) throw new AppError('forbidden', `role ${actor.role} may not do this`);
  return actor;
}

async function scopeName(req: FastifyRequest, prefix: string): Promise<string> {
  if (!prefix) return '全国';
  const row = await req.deps.store.db.selectFrom('division').select('name').where('prefix', '=', prefix).executeTakeFirst();
  return row?.name ?? prefix;
}

export async function registerAccessRoutes(app: FastifyInstance): Promise<void> {
  const throttle = new LoginThrottle({ maxFailures: 10, windowMs: 15 * 60_000 });

  // Every /api request: find the session; mutating requests must echo the session's CSRF token.
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(req.deps, token);
      if (session) {
        req.actor = session.actor;
        if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken && req.url !== '/api/auth/login') {
          throw new AppError('forbidden', 'csrf token missing or wrong', { key: 'errors.csrf' });
        }
      }
    }
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/auth/login', { schema: { tags: ['access'], body: LoginRequestSchema, response: { 200: MeSchema } } }, async (req, reply) => {
    const key = `${req.ip}|${req.body.username}`;
    const now = req.deps.clock.now().getTime();
    if (throttle.isBlocked(key, now)) throw new AppError('rate_limited', 'too many failed logins');
    let session;
    try {
      session = await login(req.deps, req.body.username, req.body.password);
    } catch (e) {
      throttle.fail(key, now);
      throw e;
    }
    throttle.succeed(key);
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: req.protocol === 'https',
      expires: session.expiresAt,
    });
    const u = session.user;
    return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, scopePrefix: u.scopePrefix, scopeName: await scopeName(req, u.scopePrefix), csrfToken: session.csrfToken };
  });

  api.post('/api/auth/logout', { schema: { tags: ['access'], response: { 200: z.object({ ok: z.boolean() }) } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(req.deps, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  api.get('/api/auth/me', { schema: { tags: ['access'], response: { 200: MeSchema } } }, async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(req.deps, token) : null;
    if (!session) throw new AppError('unauthenticated', 'sign in first');
    const u = session.user;
    return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, scopePrefix: u.scopePrefix, scopeName: await scopeName(req, u.scopePrefix), csrfToken: session.csrfToken };
  });
}
