import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Actor, Role } from './domain/actor.js';
import {
  LoginRequestSchema,
  MeSchema,
  UpdateUserRequestSchema,
  UserChangeResultSchema,
  UserListQuerySchema,
  UserListSchema,
  UserParamsSchema,
  CreateUserRequestSchema,
} from './contract.js';
import { login, logout, resolveSession } from './use-cases/sessions.js';
import { LoginThrottle } from './domain/login-throttle.js';
import { describeMe } from './use-cases/describe-me.js';
import { listUsers } from './use-cases/list-users.js';
import { createUser } from './use-cases/create-user.js';
import { updateUser } from './use-cases/update-user.js';
import './messages.js';

export const SESSION_COOKIE = 'rb_session';
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Failed logins allowed per (address, user name) and per address across all names, in 15 minutes. */
export const LOGIN_LIMITS = { perUser: 10, perAddress: 30, windowMs: 15 * 60_000 };

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

export async function registerAccessRoutes(app: FastifyInstance): Promise<void> {
  const perUser = new LoginThrottle({ maxFailures: LOGIN_LIMITS.perUser, windowMs: LOGIN_LIMITS.windowMs });
  const perAddress = new LoginThrottle({ maxFailures: LOGIN_LIMITS.perAddress, windowMs: LOGIN_LIMITS.windowMs });

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
    const userKey = `${req.ip}|${req.body.username}`;
    const now = req.deps.clock.now().getTime();
    if (perUser.isBlocked(userKey, now) || perAddress.isBlocked(req.ip, now)) throw new AppError('rate_limited', 'too many failed logins');
    let session;
    try {
      session = await login(req.deps, req.body.username, req.body.password);
    } catch (e) {
      perUser.fail(userKey, now);
      perAddress.fail(req.ip, now);
      throw e;
    }
    perUser.succeed(userKey);
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: req.protocol === 'https',
      expires: session.expiresAt,
    });
    return describeMe(req.deps, session.user, session.csrfToken);
  });

  api.post('/api/auth/logout', { schema: { tags: ['access'], response: { 200: z.object({ ok: z.boolean() }) } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(req.deps, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
    return { ok: true };
  });

  api.get('/api/auth/me', { schema: { tags: ['access'], response: { 200: MeSchema } } }, async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(req.deps, token) : null;
    if (!session) throw new AppError('unauthenticated', 'sign in first');
    return describeMe(req.deps, session.user, session.csrfToken);
  });

  api.get('/api/users', { schema: { tags: ['access'], querystring: UserListQuerySchema, response: { 200: UserListSchema } } }, async (req) =>
    listUsers(req.deps, requireActor(req), req.query),
  );

  api.post('/api/users', { schema: { tags: ['access'], body: CreateUserRequestSchema, response: { 201: UserChangeResultSchema } } }, async (req, reply) => {
    const { user, generatedPassword } = await createUser(req.deps, requireActor(req), req.body);
    reply.status(201);
    return { user, ...(generatedPassword && { generatedPassword }) };
  });

  api.patch(
    '/api/users/:id',
    { schema: { tags: ['access'], params: UserParamsSchema, body: UpdateUserRequestSchema, response: { 200: UserChangeResultSchema } } },
    async (req) => updateUser(req.deps, requireActor(req), req.params.id, req.body),
  );
}
