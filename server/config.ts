import { z } from 'zod';
import type { S3Settings } from './storage/s3-storage.ts';
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
    S3_ENDPOINT: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://oss-cn-beijing.aliyuncs.com' })),
    S3_BUCKET: optional(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens')),
    S3_REGION: z.preprocess(emptyAsUndefined, z.string().default('us-east-1')),
    S3_ACCESS_KEY_ID: optional(z.string()),
    S3_SECRET_ACCESS_KEY: optional(z.string()),
    S3_FORCE_PATH_STYLE: z.preprocess(emptyAsUndefined, z.enum(['true', 'false'], { error: 'must be true or false' }).default('true')),
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
    const s3 = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
    const given = s3.filter((name) => env[name]);
    if (given.length > 0 && given.length < s3.length) {
      for (const name of s3.filter((n) => !env[n])) {
        ctx.addIssue({ code: 'custom', path: [name], message: `is needed with ${given.join(', ')}: set S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or none` });
      }
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
  /** Stored files and uploads in an S3-compatible bucket; under DATA_DIR when not set. */
  s3: S3Settings | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Values of these are never echoed back, not even in an error message.
const SECRET = /PASSWORD|DATABASE_URL|SMTP_URL|SECRET_ACCESS_KEY|ACCESS_KEY_ID/;

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
    s3: e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
      ? {
        endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION,
        accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
      }
      : undefined,
  };
}
