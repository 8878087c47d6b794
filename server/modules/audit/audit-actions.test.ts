import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../core/audit/describe.ts';
import { CASE_MOVES } from '../../../core/case/case-status.ts';

const SERVER = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// The type of appendAudit's action already refuses a code without a sentence; this reads the
// code the way a reviewer would, so a code slipped past the type (a cast, a computed string)
// still fails here.
describe('audit action codes', () => {
  it('has a sentence for every action the server writes, and none for an action nobody writes', () => {
    const written = new Set<string>();
    for (const file of sources(SERVER)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\baction: '([a-z_]+\.[a-z_]+)'/g)) written.add(m[1]!);
      // transitionCase writes `case.${move}` for every move of core/case/case-status.
      if (text.includes('action: `case.${t.move}`')) for (const move of Object.keys(CASE_MOVES)) written.add(`case.${move}`);
    }
    expect([...written].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });
});
