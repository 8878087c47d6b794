import { ConfigError, loadConfig } from '../config.ts';
import { StartupError } from '../startup-error.ts';
import { openDatabase } from './database.ts';
import { MigrationError, migrateToLatest } from './migrate.ts';

// `npm run migrate`: the same migrations the server runs at start, for deploy pipelines.
try {
  const config = loadConfig(process.env);
  const { db, location } = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const ran = await migrateToLatest(db);
    console.log(ran.length > 0 ? `${location}: ran ${ran.join(', ')}` : `${location}: already up to date`);
  } finally {
    await db.destroy();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
