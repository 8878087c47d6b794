import { ConfigError, loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { StartupError } from '../../startup-error.ts';
import { verifyAuditChain } from './audit.service.ts';

// `npm run audit:verify`: checks the audit log's hash chain on the configured database and
// prints one line. Exit 0: intact. Exit 1: broken (the line names the first bad entry).
// Exit 2: it could not check (bad configuration, database unreachable or not migrated), so a
// monitor can tell "tampered" from "could not look".
try {
  const config = loadConfig(process.env);
  const { db } = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const verdict = await verifyAuditChain(db);
    if (verdict.ok) {
      console.log(`audit log intact: ${verdict.count} entries`);
    } else {
      console.log(`audit log BROKEN at entry #${verdict.seq}: ${verdict.problem}`);
      process.exitCode = 1;
    }
  } finally {
    await db.destroy();
  }
} catch (error) {
  const known = error instanceof ConfigError || error instanceof StartupError;
  console.error(known ? error.message : `audit log could not be checked: ${(error as Error).message}`);
  process.exitCode = 2;
}
