import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { judgeAudit, type AllowedAdvisory, type Finding } from '../server/security/dependency-audit.ts';

// npm run audit:dependencies — the dependency audit of .ci/run, by the policy in docs/security.md.
// Exit 0: nothing blocks. Exit 1: a high or critical advisory in a runtime dependency is not on
// the allowlist. Exit 2: the advisory service could not be asked, so nothing was checked.

const allowlist = JSON.parse(readFileSync(new URL('../security/audit-allowlist.json', import.meta.url), 'utf8')) as AllowedAdvisory[];
const output = await new Promise<string>((resolve) => {
  // npm audit exits non-zero whenever it finds anything: the report on stdout is what counts.
  execFile('npm', ['audit', '--omit=dev', '--json'], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (_error, stdout) => resolve(stdout));
});
const verdict = judgeAudit(output, allowlist, new Date().toISOString().slice(0, 10));
const line = (f: Finding) => `  ${f.severity.padEnd(8)} ${f.package}: ${f.title} ${f.advisory}`;
if (!verdict.ran) {
  console.log(`dependency audit NOT RUN: ${verdict.reason}`);
  process.exit(2);
}
for (const [heading, list] of [['blocking', verdict.blocking], ['allowed until their expiry', verdict.allowed], ['to triage within 30 days', verdict.reported]] as const) {
  if (list.length > 0) console.log(`${heading}:\n${list.map(line).join('\n')}`);
}
console.log(`dependency audit: ${verdict.blocking.length} blocking, ${verdict.allowed.length} allowed, ${verdict.reported.length} to triage`);
process.exit(verdict.blocking.length > 0 ? 1 : 0);
