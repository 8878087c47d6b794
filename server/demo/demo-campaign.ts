import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { wallClockAt } from '../../core/time/zoned-time.ts';

// The demo campaign: the seventh collection's texts under another slug, its window open today
// (opened three weeks ago, closing in five weeks) and its review due a month after it closes.
// Written once, when the demo is seeded, into the demo's own campaigns folder beside a copy of
// the seventh collection, so the demo never touches ./campaigns.

export const DEMO_SLUG = 'demo-collection';
const SEVENTH_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../campaigns/seventh-collection.yaml');
const ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
function localDay(instant: Date, time: string): string {
  const w = wallClockAt(instant, ZONE);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${time}`;
}

/** The demo campaign's YAML for a demo seeded at `now`. */
export function demoCampaignText(now: Date): string {
  const doc = parseDocument(readFileSync(SEVENTH_FILE, 'utf8'));
  doc.commentBefore = ` 演示征集 — written by \`npm run demo\` on ${now.toISOString()}: the seventh collection's texts,\n with its window open on that day. Not a real campaign.`;
  doc.setIn(['slug'], DEMO_SLUG);
  for (const [field, zh, en] of [['title', '（演示）', ' (demo)'], ['shortTitle', '（演示）', ' (demo)']] as const) {
    doc.setIn([field, 'zh-CN'], `${String(doc.getIn([field, 'zh-CN']))}${zh}`);
    doc.setIn([field, 'en'], `${String(doc.getIn([field, 'en']))}${en}`);
  }
  doc.setIn(['window', 'opensAt'], localDay(new Date(now.getTime() - 21 * DAY_MS), '00:00:00'));
  doc.setIn(['window', 'closesAt'], localDay(new Date(now.getTime() + 35 * DAY_MS), '23:59:59'));
  doc.setIn(['review', 'dueAt'], localDay(new Date(now.getTime() + 65 * DAY_MS), '23:59:59'));
  return doc.toString({ lineWidth: 0 });
}

/** Writes the demo campaign and a copy of the seventh collection into `campaignsDir`. */
export function writeDemoCampaigns(campaignsDir: string, now: Date): void {
  mkdirSync(campaignsDir, { recursive: true });
  writeFileSync(path.join(campaignsDir, `${DEMO_SLUG}.yaml`), demoCampaignText(now));
  copyFileSync(SEVENTH_FILE, path.join(campaignsDir, 'seventh-collection.yaml'));
}
