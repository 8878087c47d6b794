import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { StartupError } from '../../startup-error.ts';
import { sealAllAudit, verifyAuditChain, type KnownHead } from './audit.service.ts';

// `npm run audit:verify [-- --head <seq>:<hash> …]`: seals what waits, checks the audit log's
// hash chain on the configured database and prints one line. `--head` gives heads kept outside
// the database (a mailed daily head, a copy of the public page): the log must still hold them,
// so a log rewritten whole is found too. Exit 0: intact. Exit 1: broken (the line names the
// first bad entry). Exit 2: it could not check (bad arguments or configuration, database
// unreachable or not migrated), so a monitor can tell "tampered" from "could not look".

function knownHeads(args: string[]): KnownHead[] {
  const { values } = parseArgs({ args, options: { head: { type: 'string', multiple: true } } });
  return (values.head ?? []).map((text) => {
    const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
    if (!match) throw new ConfigError([`--head must be <seq>:<64 hex digits>, as the daily head mail gives it; got "${text}"`]);
    return { seq: Number(match[1]), hash: match[2]! };
  });
}

try {
  const known = knownHeads(process.argv.slice(2));
  const config = loadConfig(process.env);
  const { db } = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await sealAllAudit(db);
    const verdict = await verifyAuditChain(db, { known });
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
