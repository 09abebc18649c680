import { z } from 'zod';

/** Named ranges Fastify's proxy-addr understands besides addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const PROXY_ADDRESS_FORMS = [z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()];
const isProxyAddress = (entry: string) => PROXY_RANGE_NAMES.includes(entry) || PROXY_ADDRESS_FORMS.some((form) => form.safeParse(entry).success);

/**
 * Which reverse proxies to believe about the client (Fastify `trustProxy`): unset or `false` = none;
 * `true` = any (only when nothing but the proxy can reach the server); otherwise a comma-separated list
 * of addresses, CIDR ranges or the names loopback / linklocal / uniquelocal. When the proxy is trusted,
 * `request.protocol` and `request.ip` come from its X-Forwarded-Proto and X-Forwarded-For.
 * A hop count is refused: Fastify 5 ignores it (it cannot check who sent the headers), so it would
 * look configured and do nothing.
 */
export const TrustProxySchema = z
  .string()
  .trim()
  .optional()
  .transform((raw, ctx): boolean | string[] => {
    const value = raw?.toLowerCase() ?? '';
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: `a hop count (${value}) is not supported: list the proxy's addresses or CIDR ranges instead, e.g. 127.0.0.1,10.0.0.0/8` });
      return z.NEVER;
    }
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length === 0) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `expected true, false or a comma-separated list of IP addresses / CIDR ranges; not understood: ${bad.map((e) => JSON.stringify(e)).join(', ')}`,
    });
    return z.NEVER;
  });

/** Process configuration, parsed once at start-up; a bad value stops the process with a clear message. */
export const ConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** See TrustProxySchema; off by default (the server is reached directly). */
  TRUST_PROXY: TrustProxySchema,
  SESSION_HOURS: z.coerce.number().positive().default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_MB: z.coerce.number().positive().default(200),
  /** Uploads of household imports never committed are deleted after this many hours (registry/import-export). */
  IMPORT_UPLOAD_TTL_HOURS: z.coerce.number().positive().default(24),
  SEED_SCALE: z.coerce.number().positive().max(10).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
