import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { FixedClock } from '../platform/clock.js';
import { ConfigSchema } from '../platform/config.js';
import type { Deps } from '../platform/deps.js';
import { openTestStore } from '../platform/testing/test-store.js';
import { createUser, systemActor, type Role } from '../modules/access/index.js';
import { buildApp } from './app.js';

/** A test app on a fresh database with a settable clock; `env` adds configuration variables. Call `close()` in afterAll. */
export async function makeTestApp(options: { now?: string; env?: Record<string, string> } = {}) {
  const store = await openTestStore();
  const clock = new FixedClock(options.now ?? '2025-06-01T02:00:00Z');
  const deps: Deps = { store, clock, config: ConfigSchema.parse({ LOG_LEVEL: 'silent', MAX_UPLOAD_MB: 5, ...options.env }) };
  const app = await buildApp(deps);
  return {
    app,
    deps,
    clock,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export interface TestSession {
  /** The session cookie header value, for hand-made requests. */
  cookie: string;
  /** app.inject with the session cookie and CSRF header set. */
  request(opts: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

/**
 * Creates a user with this role and scope (divisions in scope must exist, unless scope is '')
 * and signs them in.
 */
export async function signInAs(app: FastifyInstance, deps: Deps, role: Role, scopePrefix: string, username = `${role}_${scopePrefix || 'all'}`): Promise<TestSession> {
  const password = 'test-password-1';
  const existing = await deps.store.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  if (!existing) await createUser(deps, systemActor('test'), { username, displayName: username, password, role, scopePrefix });
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'rb_session')!;
  const { csrfToken } = res.json() as { csrfToken: string };
  const cookieHeader = `rb_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    request: ({ method, url, payload, headers }) =>
      app.inject({ method, url, payload: payload as never, headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken, ...headers } }),
  };
}
