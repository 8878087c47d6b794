import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase, SQLITE_FILE } from '../db/database.ts';
import { sealAllAudit } from '../modules/audit/audit.service.ts';
import { StartupError } from '../startup-error.ts';
import { openStorage } from '../storage/open-storage.ts';
import { backup, BackupError, restore, type DatabaseSource } from './backup.ts';
import { checkRestored } from './restore-check.ts';

// `npm run backup -- <folder>`: backs up the configured database and stored files (DATA_DIR's or
// the S3 bucket's) into the local <folder>, safe while the server runs; a later run into the same folder copies only new files.
// `npm run restore -- <folder>`: restores such a folder into an empty database (DATABASE_URL) or
// an empty DATA_DIR (or bucket), proves every file by its hash, then checks that every file the database
// names is there and that the audit chain verifies. Exit 0: done. 1: restored but a check failed.
// 2: nothing done (bad arguments, configuration, a target that holds data, a damaged backup).

const [command, folder] = process.argv.slice(2);
try {
  if ((command !== 'backup' && command !== 'restore') || !folder) throw new ConfigError(['usage: backup-command.ts backup|restore <folder>']);
  const config = loadConfig(process.env);
  const source: DatabaseSource = config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl }
    : { engine: 'sqlite', file: path.join(config.dataDir, SQLITE_FILE) };
  if (command === 'backup') {
    const manifest = await backup(source, openStorage(config), path.resolve(folder));
    console.log(`backed up the ${manifest.engine} database and ${manifest.files} stored files (${manifest.bytes} bytes) into ${folder}`);
  } else {
    const manifest = await restore(path.resolve(folder), source, openStorage(config));
    const { db } = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      // Entries the backup caught before the sealer linked them are linked now, then all of it checked.
      await sealAllAudit(db);
      const check = await checkRestored(db, openStorage(config));
      console.log(`restored the backup of ${manifest.createdAt}: ${check.cases} cases, ${check.submissions} submitted versions, ${check.attachments} attachments, ${manifest.files} stored files`);
      if (check.missingFiles.length > 0) console.log(`MISSING stored files: ${check.missingFiles.join(', ')}`);
      console.log(check.audit.ok ? `audit log intact: ${check.audit.count} entries` : `audit log BROKEN at entry #${check.audit.seq}: ${check.audit.problem}`);
      if (check.missingFiles.length > 0 || !check.audit.ok) process.exitCode = 1;
    } finally {
      await db.destroy();
    }
  }
} catch (error) {
  const known = error instanceof ConfigError || error instanceof StartupError || error instanceof BackupError;
  console.error(known ? error.message : `${command ?? 'backup'} failed: ${(error as Error).message}`);
  process.exitCode = 2;
}
