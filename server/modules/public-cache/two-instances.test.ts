import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../../app.ts';
import type { DatabaseSource } from '../../backup/backup.ts';
import { openPostgres, openSqlite } from '../../db/database.ts';
import { libraryWorld } from '../../testing/library-world.ts';
import { copyUrl, publishCopy } from '../../testing/publishing-world.ts';
import { DURING_WINDOW } from '../../testing/fixtures.ts';
import { TEST_BASE_URL } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

// Two app instances on one database (decision 0042): a change made through one is seen by the very
// next request to the other, whose cache held the page before. On the SQLite file (two
// connections, each with its own group commit) and on PostgreSQL (two pools).

async function secondInstance(source: DatabaseSource): Promise<FastifyInstance> {
  const handle = source.engine === 'sqlite' ? openSqlite(source.file) : openPostgres(source.url);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-second-'));
  const app = await buildApp({ db: handle.db, engine: handle.engine, baseUrl: TEST_BASE_URL, dataDir, clock: () => DURING_WINDOW });
  await app.ready();
  onTestFinished(async () => {
    await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return app;
}

const get = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url });
const titleOf = (html: string) => /data-field="title">([^<]*)</.exec(html)?.[1];
const LIBRARY = '/library?campaign=seventh-collection';

describe(`two app instances on one database (${testEngine()})`, () => {
  it('sees a publish, an edit and an unpublish made through the other instance at the next request', async () => {
    const w = await libraryWorld();
    const b = await secondInstance(w.database.source);
    const created = (await w.organizer.post(copyUrl(w.caseId))).json().data.copy;
    const casePath = created.path as string;
    // B renders and keeps every page before the publish.
    const warm = await Promise.all([get(b, casePath), get(b, LIBRARY), get(b, '/campaigns/seventh-collection'), get(b, '/campaigns/seventh-collection/feed.atom')]);
    expect(warm.map((r) => [r.statusCode, r.body.includes(casePath)])).toEqual([[404, true], [200, false], [200, false], [200, false]]);
    expect((await get(b, LIBRARY)).headers.etag).toBe(warm[1]!.headers.etag);

    const published = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: created.version });
    expect(published.statusCode).toBe(200);
    const seen = await Promise.all([get(b, casePath), get(b, LIBRARY), get(b, '/campaigns/seventh-collection'), get(b, '/campaigns/seventh-collection/feed.atom')]);
    expect(seen.map((r) => [r.statusCode, r.body.includes(casePath)])).toEqual([[200, true], [200, true], [200, true], [200, true]]);

    const copy = published.json().data.copy;
    await w.organizer.put(copyUrl(w.caseId), { version: copy.version, title: '另一个实例改的标题', unitName: copy.unitName, summary: copy.summary, sections: copy.sections, photoIds: [] });
    expect(titleOf((await get(b, casePath)).body)).toBe('另一个实例改的标题');

    await w.organizer.post(`${copyUrl(w.caseId)}/unpublish`, { version: copy.version + 1 });
    expect((await get(b, casePath)).statusCode).toBe(410);
    expect((await get(b, LIBRARY)).body).not.toContain(casePath);
    // And the other way round: B's answer for A's publish again.
    const again = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version: copy.version + 2 });
    expect(again.statusCode).toBe(200);
    expect([(await get(b, casePath)).statusCode, (await get(w.app, casePath)).statusCode]).toEqual([200, 200]);
  });

  it('under load: every request that starts after the commit sees it, while requests overlap it', { timeout: 60_000 }, async () => {
    const w = await libraryWorld();
    const b = await secondInstance(w.database.source);
    const { path: casePath, version } = await publishCopy(w);
    let committed = false;
    let after = 0;
    const stale: number[] = [];
    const reader = (async () => {
      const until = Date.now() + 40_000;
      while (after < 20 && Date.now() < until) {
        // A turn of the event loop between reads, so the unpublish on A gets its share.
        await new Promise((resolve) => setImmediate(resolve));
        const startedAfterCommit = committed;
        const res = await get(b, casePath);
        if (!startedAfterCommit) continue;
        after += 1;
        if (res.statusCode !== 410) stale.push(res.statusCode);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const down = await w.organizer.post(`${copyUrl(w.caseId)}/unpublish`, { version });
    committed = true;
    expect(down.statusCode).toBe(200);
    await reader;
    expect([after, stale]).toEqual([20, []]);
  });
});
