import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      campaignsDir: './campaigns',
      databaseUrl: undefined,
      baseUrl: 'http://localhost:3000',
      admin: undefined,
      logLevel: 'info',
      trustProxy: 0,
      smtpUrl: undefined,
      mailFrom: '征集平台 <no-reply@localhost>',
      sqliteUnitTimeLimitMs: 5000,
      shedding: { lowLagMs: 400, normalLagMs: 1600, maxInFlight: 256, sampleMs: 250, retryAfterS: 5 },
      demo: false,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/zhengji',
      DATABASE_URL: 'postgres://z:secret@db:5432/zhengji',
      BASE_URL: 'https://zhengji.example.cn/',
      ZHENGJI_ADMIN_EMAIL: 'Admin@Example.cn',
      ZHENGJI_ADMIN_PASSWORD: 'correct horse battery',
      TRUST_PROXY: 'true',
      ZHENGJI_DEMO: 'true',
    });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://z:secret@db:5432/zhengji');
    expect(config.baseUrl).toBe('https://zhengji.example.cn');
    expect(config.admin).toEqual({ email: 'admin@example.cn', password: 'correct horse battery' });
    expect(config.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(config.demo).toBe(true);
  });

  it('lists every problem at once, naming the variable', () => {
    expect(
      problemsOf({ PORT: 'abc', DATABASE_URL: 'mysql://x', BASE_URL: 'ftp://x', LOG_LEVEL: 'loud' }),
    ).toEqual([
      'PORT: must be a whole number (got "abc")',
      'DATABASE_URL: must be a PostgreSQL URL such as postgres://user:password@localhost:5432/zhengji',
      'BASE_URL: must be an http(s) URL such as https://zhengji.example.cn (got "ftp://x")',
      'LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent" (got "loud")',
    ]);
  });

  it('never echoes a password back', () => {
    const problems = problemsOf({ ZHENGJI_ADMIN_EMAIL: 'a@b.cn', ZHENGJI_ADMIN_PASSWORD: 'short' });
    expect(problems).toEqual(['ZHENGJI_ADMIN_PASSWORD: must be at least 12 characters']);
  });

  it('wants the admin e-mail and password together', () => {
    expect(problemsOf({ ZHENGJI_ADMIN_EMAIL: 'a@b.cn' })).toEqual([
      'ZHENGJI_ADMIN_PASSWORD: set ZHENGJI_ADMIN_EMAIL and ZHENGJI_ADMIN_PASSWORD together, or neither',
    ]);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: must be 0–65535 (got "70000")']);
  });

  it('wants the S3 settings together, checks the bucket name, and never echoes a key', () => {
    expect(problemsOf({ S3_BUCKET: 'zhengji-files', S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI' })).toEqual([
      'S3_ENDPOINT: is needed with S3_BUCKET, S3_SECRET_ACCESS_KEY: set S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or none',
      'S3_ACCESS_KEY_ID: is needed with S3_BUCKET, S3_SECRET_ACCESS_KEY: set S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or none',
    ]);
    expect(problemsOf({ S3_ENDPOINT: 'oss-cn-beijing', S3_BUCKET: 'Zhengji_Files', S3_ACCESS_KEY_ID: 'AKID', S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI' })).toEqual([
      'S3_ENDPOINT: must be an http(s) URL such as https://oss-cn-beijing.aliyuncs.com (got "oss-cn-beijing")',
      'S3_BUCKET: must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens (got "Zhengji_Files")',
    ]);
    const config = loadConfig({ S3_ENDPOINT: 'https://cos.ap-beijing.myqcloud.com', S3_BUCKET: 'zhengji-1250000000', S3_ACCESS_KEY_ID: 'AKID', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'false' });
    expect(config.s3).toEqual({ endpoint: 'https://cos.ap-beijing.myqcloud.com', bucket: 'zhengji-1250000000', region: 'us-east-1', accessKeyId: 'AKID', secretAccessKey: 'secret', forcePathStyle: false });
    expect(loadConfig({}).s3).toBeUndefined();
  });
});
