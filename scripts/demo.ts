import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { DEMO_ACCOUNTS } from '../server/demo/demo-accounts.ts';
import { demoCampaignsDir, ensureDemoData } from '../server/demo/demo-data.ts';

// `npm run demo`: the app on SQLite with a demo campaign open today, seeded on the first run into
// its own folder (DEMO_DATA_DIR, ./data-demo by default; DEMO_UNITS units, 300 by default) and
// used as it is afterwards. The app starts in demo mode: its sign-in page lists the accounts below.

if (process.env.DATABASE_URL) {
  console.error('The demo runs on SQLite in its own folder: unset DATABASE_URL to run it.');
  process.exit(1);
}
const dataDir = path.resolve(process.env.DEMO_DATA_DIR || 'data-demo');
const units = Number(process.env.DEMO_UNITS || 300);
if (!Number.isInteger(units) || units < 12 || units > 5000) {
  console.error(`DEMO_UNITS must be a whole number from 12 to 5000 (got "${process.env.DEMO_UNITS}").`);
  process.exit(1);
}
Object.assign(process.env, { DATA_DIR: dataDir, CAMPAIGNS_DIR: demoCampaignsDir(dataDir), ZHENGJI_DEMO: 'true' });
const config = loadConfig(process.env);

await ensureDemoData({ dataDir, units, baseUrl: config.baseUrl, log: (line) => console.log(line) });
console.log(`\ndemo: open ${config.baseUrl}/app/sign-in — every demo account's password is ${DEMO_ACCOUNTS[0]!.password}`);
for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(10)} ${account.email}`);
console.log('');
await import('../server/main.ts');
