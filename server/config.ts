import { z } from 'zod';
import { DEFAULT_SHEDDING, type SheddingLimits } from './http/load-shedding.ts';

// The environment is read once, here, and a bad one stops the start with every problem listed.

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const postgresUrl = z
  .string()
  .refine((text) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(text).protocol);
    } catch {
      return false;
    }
  }, 'must be a PostgreSQL URL such as postgres://user:password@localhost:5432/zhengji');

const envSchema = z
  .object({
    PORT: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0–65535').max(65535, 'must be 0–65535').default(3000),
    ),
    HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
    CAMPAIGNS_DIR: z.preprocess(emptyAsUndefined, z.string().default('./campaigns')),
    DATABASE_URL: optional(postgresUrl),
    BASE_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://zhengji.example.cn' })),
    ZHENGJI_ADMIN_EMAIL: optional(z.email({ error: 'must be an e-mail address' })),
    ZHENGJI_ADMIN_PASSWORD: optional(z.string().min(12, 'must be at least 12 characters')),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    TRUST_PROXY: z.preprocess(
      emptyAsUndefined,
      z.string().regex(/^(true|false|[0-9])$/, 'must be true, false or the number of proxies in front (1 to 9)').default('false'),
    ),
    SMTP_URL: optional(
      z.string().refine((text) => /^smtps?:\/\/[^\s]+$/.test(text), 'must be an SMTP URL such as smtp://user:password@smtp.example.cn:587'),
    ),
    MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('征集平台 <no-reply@localhost>')),
    ZHENGJI_DEMO: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('false')),
    SHED_LAG_MS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').default(DEFAULT_SHEDDING.lowLagMs),
    ),
    SHED_MAX_IN_FLIGHT: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').default(DEFAULT_SHEDDING.maxInFlight),
    ),
    SQLITE_UNIT_TIME_LIMIT_MS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(100, 'must be at least 100').default(5000),
    ),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ZHENGJI_ADMIN_EMAIL) !== Boolean(env.ZHENGJI_ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.ZHENGJI_ADMIN_EMAIL ? 'ZHENGJI_ADMIN_PASSWORD' : 'ZHENGJI_ADMIN_EMAIL'],
        message: 'set ZHENGJI_ADMIN_EMAIL and ZHENGJI_ADMIN_PASSWORD together, or neither',
      });
    }
  });

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  campaignsDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  admin: { email: string; password: string } | undefined;
  logLevel: string;
  /**
   * How many proxies in front of the server to believe in X-Forwarded-For (0: none). The client
   * address is the one the outermost trusted proxy saw, never an entry the client wrote itself.
   */
  trustProxy: number;
  /** Mail goes out through this server; without it, mail is kept for organizers to read. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** SQLite: a unit of work still running after this long is given up, so it cannot stall every write. */
  sqliteUnitTimeLimitMs: number;
  /** Set by `npm run demo` only: the sign-in page lists the demo's accounts and their password. */
  demo: boolean;
  /** When to turn work away by importance (server/http/load-shedding.ts). */
  shedding: SheddingLimits;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Values of these are never echoed back, not even in an error message.
const SECRET = /PASSWORD|DATABASE_URL|SMTP_URL/;

/** Parses the environment into a typed config, or throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const raw = env[name];
        const shown = raw === undefined || SECRET.test(name) ? '' : ` (got "${raw}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    campaignsDir: e.CAMPAIGNS_DIR,
    databaseUrl: e.DATABASE_URL,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    admin:
      e.ZHENGJI_ADMIN_EMAIL && e.ZHENGJI_ADMIN_PASSWORD
        ? { email: e.ZHENGJI_ADMIN_EMAIL.toLowerCase(), password: e.ZHENGJI_ADMIN_PASSWORD }
        : undefined,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true' ? 1 : e.TRUST_PROXY === 'false' ? 0 : Number(e.TRUST_PROXY),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sqliteUnitTimeLimitMs: e.SQLITE_UNIT_TIME_LIMIT_MS,
    demo: e.ZHENGJI_DEMO === 'true',
    // Normal work is turned away at a delay several times the one that turns public pages away.
    shedding: { ...DEFAULT_SHEDDING, lowLagMs: e.SHED_LAG_MS, normalLagMs: Math.max(DEFAULT_SHEDDING.normalLagMs, 4 * e.SHED_LAG_MS), maxInFlight: e.SHED_MAX_IN_FLIGHT },
  };
}
