import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config.ts';
import { MigrationError } from './db/migrate.ts';
import { serializeRequest } from './http/request-log.ts';
import { startApp } from './start.ts';
import { StartupError } from './startup-error.ts';

// The process: read config, start, listen, and close cleanly on a signal. No logic lives here.

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { app } = await startApp(config, {
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: { req: serializeRequest },
    },
  });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error');
    else app.log.info({ signal }, 'closing: finishing requests in flight');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Zhengji is serving ${config.baseUrl}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof MigrationError) {
    console.error(`Zhengji cannot start / 征集平台无法启动\n${error.message}`);
  } else {
    console.error('Zhengji cannot start / 征集平台无法启动', error);
  }
  process.exit(1);
});
