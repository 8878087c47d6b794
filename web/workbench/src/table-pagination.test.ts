import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// antd gives a Table without a `pagination` prop ten rows a page, with previous and next arrows
// that a screen reader finds nameless (icon-names.tsx). Some lists page only past 20 or 50 rows,
// more than a browser test fills, so the source is read instead: every table either shows all
// its rows or names its arrows.

const SRC = path.dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []
  ));
}

/** The opening tag of each `<Table` in `text`, from `<Table` to its `>` outside any `{…}`. */
function tableTags(text: string): string[] {
  const tags: string[] = [];
  for (let start = text.indexOf('<Table'); start !== -1; start = text.indexOf('<Table', start + 1)) {
    let i = start + '<Table'.length;
    if (/[A-Za-z.]/.test(text[i]!)) continue; // <TableProps, <Table.Column…
    if (text[i] === '<') i = text.indexOf('>', i) + 1; // the row type: <Table<Case>
    let depth = 0;
    for (; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
      else if (text[i] === '>' && depth === 0) break;
    }
    tags.push(text.slice(start, i + 1));
  }
  return tags;
}

describe('the workbench\'s tables', () => {
  it('finds the opening tag of a typed table, arrows in its props included', () => {
    expect(tableTags('<Table<A[number]> rowKey="id" render={(v) => <b>{v}</b>} pagination={false} />\n<TableProps />'))
      .toEqual(['<Table<A[number]> rowKey="id" render={(v) => <b>{v}</b>} pagination={false} />']);
  });

  it('each show every row or page with named arrows (namedPageLinks)', () => {
    const unnamed = sources(SRC).flatMap((file) => tableTags(readFileSync(file, 'utf8'))
      .filter((tag) => !/\bpagination=\{false\}/.test(tag) && !/\bpagination=\{[^]*namedPageLinks\(t\)/.test(tag))
      .map((tag) => `${path.relative(SRC, file)}: ${tag.split('\n')[0]}`));
    expect(unnamed).toEqual([]);
  });

  it('reads every table there is', () => {
    const files = sources(SRC).map((f) => readFileSync(f, 'utf8'));
    const read = files.map((text) => tableTags(text).length);
    expect(read).toEqual(files.map((text) => text.match(/<Table(?![\w.])/g)?.length ?? 0));
    // Eight places draw an antd Table (PeopleTable draws the members, organizers and reviewers).
    expect(read.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(8);
  });
});
