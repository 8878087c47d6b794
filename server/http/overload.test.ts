import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite, SQLITE_FILE } from '../db/database.ts';
import { completeContent } from '../testing/cases.ts';
import { openSeventhCampaignFolder } from '../testing/campaign-files.ts';
import { startServerProcess, stopServerProcess, unitsReadyToSubmit } from '../testing/server-process.ts';
import { testEngine } from '../testing/test-database.ts';
import { priorityOf, pressureLevel, sheds, DEFAULT_SHEDDING } from './load-shedding.ts';

// Past what it can serve, the server turns public pages away first, with 503 and Retry-After,
// while units keep saving and submitting; it never crashes and serves everything again once
// the flood stops. The real process, flooded over real HTTP, with its limits set low so two
// cores can overload it.

describe('what is turned away first', () => {
  it('sheds public pages and imports at the first level, ordinary work at the second, and never a save, upload or submit', () => {
    expect([pressureLevel(10, 10, DEFAULT_SHEDDING), pressureLevel(500, 10, DEFAULT_SHEDDING), pressureLevel(10, 300, DEFAULT_SHEDDING), pressureLevel(2000, 10, DEFAULT_SHEDDING), pressureLevel(10, 600, DEFAULT_SHEDDING)]).toEqual([0, 1, 1, 2, 2]);
    const routes = [['GET', '/'], ['POST', '/api/v1/cases/:id/import-docx'], ['GET', '/api/v1/me/cases'], ['PUT', '/api/v1/cases/:id/draft'], ['POST', '/api/v1/cases/:id/submit'], ['PATCH', '/api/v1/uploads/:id']] as const;
    const priorities = routes.map(([method, url]) => priorityOf(method, url));
    expect(priorities).toEqual(['low', 'low', 'normal', 'critical', 'critical', 'critical']);
    expect(([0, 1, 2] as const).map((level) => priorities.map((p) => sheds(p, level)))).toEqual([
      [false, false, false, false, false, false],
      [true, true, false, false, false, false],
      [true, true, true, false, false, false],
    ]);
  });
});

const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-overload-'));
const campaigns = openSeventhCampaignFolder();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(testEngine() !== 'sqlite')('the server flooded with public page requests (sqlite)', () => {
  it('turns public pages away with 503 and Retry-After while every save and submit succeeds, and recovers by itself', { timeout: 120_000 }, async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, CAMPAIGNS_DIR: campaigns, SHED_LAG_MS: '50', SHED_MAX_IN_FLIGHT: '8' });
    const handle = openSqlite(path.join(dataDir, SQLITE_FILE));
    try {
      const units = await unitsReadyToSubmit(server.url, { db: handle.db, dataDir }, 8, 'flood');
      let flooding = true;
      const pages: { status: number; retryAfter: string | null; body: string }[] = [];
      const reader = async () => {
        while (flooding) {
          const res = await fetch(`${server.url}/?lang=zh-CN`).catch(() => null);
          if (!res) continue;
          pages.push({ status: res.status, retryAfter: res.headers.get('retry-after'), body: res.status === 200 ? '' : await res.text() });
          if (res.status === 200) await res.arrayBuffer().catch(() => undefined);
        }
      };
      const readers = Array.from({ length: 96 }, reader);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Each unit saves its draft once more and submits, one after another, all through the flood.
      const outcomes: number[] = [];
      for (const unit of units) {
        const saved = await unit.client.send('PUT', `/api/v1/cases/${unit.caseId}/draft`, { version: 2, content: completeContent(4800, '洪峰中的保存'), declaration: {}, superiorName: '街道工委', superiorEmail: null });
        outcomes.push(saved.status);
        outcomes.push((await unit.client.send('POST', `/api/v1/cases/${unit.caseId}/submit`, { requestKey: unit.key })).status);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      flooding = false;
      await Promise.all(readers);

      expect(outcomes).toEqual(units.flatMap(() => [200, 201]));
      const turnedAway = pages.filter((p) => p.status === 503);
      expect(turnedAway.length).toBeGreaterThan(0);
      expect(pages.filter((p) => p.status !== 503 && p.status !== 200)).toEqual([]);
      expect(turnedAway[0]!.retryAfter).toBe('5');
      expect(turnedAway[0]!.body).toContain('平台当前访问量很大');
      expect(server.child.exitCode).toBeNull();

      // Once the flood is over the pages come back without a restart.
      let status = 0;
      for (let tries = 0; tries < 40 && status !== 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await fetch(`${server.url}/`)).status;
      }
      expect(status).toBe(200);
    } finally {
      await handle.db.destroy();
      await stopServerProcess(server);
    }
  });
});
