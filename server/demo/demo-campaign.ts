import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { wallClockAt } from '../../core/time/zoned-time.ts';

// The demo's three campaigns, each the seventh collection's texts under another slug, dated from
// the day the demo is seeded:
// - demo-collection: its window open that day (opened three weeks before, closing five weeks
//   after), its review due a month after it closes: units write, attach, get recommended, submit.
// - demo-review: its window opened ten weeks before and closed two weeks before, its review due
//   three weeks after: screened, its assignment released, part of the scores in.
// - demo-screening: its window opened eight weeks before and closed the day before, its review
//   due five weeks after: in screening, most cases still pending, for the visitor to screen,
//   assign and release. The phase rules (screening only once the window has closed) keep one
//   campaign from showing every stage.
// Written once, when the demo is seeded, into the demo's own campaigns folder beside a copy of
// the seventh collection, so the demo never touches ./campaigns.

export const DEMO_SLUG = 'demo-collection';
export const DEMO_REVIEW_SLUG = 'demo-review';
export const DEMO_SCREENING_SLUG = 'demo-screening';
const SEVENTH_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../campaigns/seventh-collection.yaml');
const ZONE = 'Asia/Shanghai';
export const DAY_MS = 86_400_000;

interface DemoCampaignShape {
  slug: string;
  /** Appended to the title and short title. */
  mark: { 'zh-CN': string; en: string };
  /** Days from the seeding day: the window's first and last day, and the day review is due. */
  opens: number;
  closes: number;
  reviewDue: number;
  note: string;
}

const SHAPES: readonly DemoCampaignShape[] = [
  { slug: DEMO_SLUG, mark: { 'zh-CN': '（演示）', en: ' (demo)' }, opens: -21, closes: 35, reviewDue: 65, note: 'with its window open on that day' },
  {
    slug: DEMO_REVIEW_SLUG, mark: { 'zh-CN': '（演示·评审中）', en: ' (demo, in review)' }, opens: -70, closes: -14, reviewDue: 21,
    note: 'its window closed two weeks before that day, screened and in review',
  },
  {
    slug: DEMO_SCREENING_SLUG, mark: { 'zh-CN': '（演示·初审中）', en: ' (demo, in screening)' }, opens: -56, closes: -1, reviewDue: 35,
    note: 'its window closed the day before, in screening',
  },
];

const pad = (n: number) => String(n).padStart(2, '0');
function localDay(instant: Date, time: string): string {
  const w = wallClockAt(instant, ZONE);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${time}`;
}
const dayFrom = (now: Date, days: number, time: string) => localDay(new Date(now.getTime() + days * DAY_MS), time);

function campaignText(shape: DemoCampaignShape, now: Date): string {
  const doc = parseDocument(readFileSync(SEVENTH_FILE, 'utf8'));
  doc.commentBefore = ` 演示征集 — written by \`npm run demo\` on ${now.toISOString()}: the seventh collection's texts,\n ${shape.note}. Not a real campaign.`;
  doc.setIn(['slug'], shape.slug);
  for (const field of ['title', 'shortTitle'] as const) {
    for (const locale of ['zh-CN', 'en'] as const) doc.setIn([field, locale], `${String(doc.getIn([field, locale]))}${shape.mark[locale]}`);
  }
  doc.setIn(['window', 'opensAt'], dayFrom(now, shape.opens, '00:00:00'));
  doc.setIn(['window', 'closesAt'], dayFrom(now, shape.closes, '23:59:59'));
  doc.setIn(['review', 'dueAt'], dayFrom(now, shape.reviewDue, '23:59:59'));
  return doc.toString({ lineWidth: 0 });
}

/** Writes the demo campaigns and a copy of the seventh collection into `campaignsDir`. */
export function writeDemoCampaigns(campaignsDir: string, now: Date): void {
  mkdirSync(campaignsDir, { recursive: true });
  for (const shape of SHAPES) writeFileSync(path.join(campaignsDir, `${shape.slug}.yaml`), campaignText(shape, now));
  copyFileSync(SEVENTH_FILE, path.join(campaignsDir, 'seventh-collection.yaml'));
}
