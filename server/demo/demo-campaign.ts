import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { wallClockAt } from '../../core/time/zoned-time.ts';

// The demo's six campaigns, each the seventh collection's texts under another slug, dated from
// the day the demo is seeded:
// - demo-collection: its window open that day (opened three weeks before, closing five weeks
//   after), its review due a month after it closes: units write, attach, get recommended, submit.
// - demo-review: its window opened ten weeks before and closed two weeks before, its review due
//   three weeks after: screened, its assignment released, part of the scores in.
// - demo-screening: its window opened eight weeks before and closed the day before, its review
//   due five weeks after: in screening, most cases still pending, for the visitor to screen,
//   assign and release. The phase rules (screening only once the window has closed) keep one
//   campaign from showing every stage.
// - demo-notice: its window closed six weeks before and its review was due two weeks before:
//   scored, selected, its public notice running on that day with an objection open.
// - demo-results: its notice ended days before, one objection still open: the organizer
//   resolves it and confirms the final results.
// - demo-sixth: the sixth edition, ten months back: finished, final results and certificates.
// demo-review (for a visitor who moves it on to selection), demo-notice, demo-results and
// demo-sixth choose best and excellent cases in proportion to the cases they get (decision 0035).
// Written once, when the demo is seeded, into the demo's own campaigns folder beside a copy of
// the seventh collection, so the demo never touches ./campaigns.

export const DEMO_SLUG = 'demo-collection';
export const DEMO_REVIEW_SLUG = 'demo-review';
export const DEMO_SCREENING_SLUG = 'demo-screening';
export const DEMO_NOTICE_SLUG = 'demo-notice';
export const DEMO_EARLIER_SLUG = 'demo-sixth';
export const DEMO_RESULTS_SLUG = 'demo-results';
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
  /** Another edition than the seventh: its number, and the title's ordinal in both languages. */
  edition?: { number: number; 'zh-CN': [string, string]; en: [string, string][] };
  /** Whether the campaign selects: its best and excellent places, a tenth and a fifth of its cases. */
  selects?: boolean;
}

/** The cases a selecting campaign expects of `units` units (the first twelve and one in four of the rest write). */
export const selectingWriters = (units: number) => 12 + Math.max(0, Math.ceil((units - 12) / 4));
export const selectionPlaces = (units: number) => ({
  best: Math.max(2, Math.round(selectingWriters(units) / 10)), excellent: Math.max(3, Math.round(selectingWriters(units) / 5)),
});

const SHAPES: readonly DemoCampaignShape[] = [
  { slug: DEMO_SLUG, mark: { 'zh-CN': '（演示）', en: ' (demo)' }, opens: -21, closes: 35, reviewDue: 65, note: 'with its window open on that day' },
  {
    slug: DEMO_REVIEW_SLUG, mark: { 'zh-CN': '（演示·评审中）', en: ' (demo, in review)' }, opens: -70, closes: -14, reviewDue: 21, selects: true,
    note: 'its window closed two weeks before that day, screened and in review',
  },
  {
    slug: DEMO_SCREENING_SLUG, mark: { 'zh-CN': '（演示·初审中）', en: ' (demo, in screening)' }, opens: -56, closes: -1, reviewDue: 35,
    note: 'its window closed the day before, in screening',
  },
  {
    slug: DEMO_NOTICE_SLUG, mark: { 'zh-CN': '（演示·公示中）', en: ' (demo, notice running)' }, opens: -84, closes: -42, reviewDue: -14, selects: true,
    note: 'its review ended two weeks before that day, selected, its public notice running',
  },
  {
    slug: DEMO_RESULTS_SLUG, mark: { 'zh-CN': '（演示·公示结束）', en: ' (demo, notice ended)' }, opens: -130, closes: -95, reviewDue: -40, selects: true,
    note: 'its notice ended days before that day, one objection still open, its results to confirm',
  },
  {
    slug: DEMO_EARLIER_SLUG, mark: { 'zh-CN': '（演示·已结束）', en: ' (demo, finished)' }, opens: -330, closes: -270, reviewDue: -220, selects: true,
    edition: { number: 6, 'zh-CN': ['第七届', '第六届'], en: [['Seventh', 'Sixth'], ['7th', '6th']] },
    note: 'the sixth edition, finished months before that day: final results and certificates',
  },
];

const pad = (n: number) => String(n).padStart(2, '0');
function localDay(instant: Date, time: string): string {
  const w = wallClockAt(instant, ZONE);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${time}`;
}
const dayFrom = (now: Date, days: number, time: string) => localDay(new Date(now.getTime() + days * DAY_MS), time);

function renumbered(shape: DemoCampaignShape, locale: 'zh-CN' | 'en', title: string): string {
  if (!shape.edition) return title;
  if (locale === 'zh-CN') return title.replace(...shape.edition['zh-CN']);
  return shape.edition.en.reduce((t, [from, to]) => t.replace(from, to), title);
}

function campaignText(shape: DemoCampaignShape, now: Date, units: number): string {
  const doc = parseDocument(readFileSync(SEVENTH_FILE, 'utf8'));
  doc.commentBefore = ` 演示征集 — written by \`npm run demo\` on ${now.toISOString()}: the seventh collection's texts,\n ${shape.note}. Not a real campaign.`;
  doc.setIn(['slug'], shape.slug);
  for (const field of ['title', 'shortTitle'] as const) {
    for (const locale of ['zh-CN', 'en'] as const) doc.setIn([field, locale], `${renumbered(shape, locale, String(doc.getIn([field, locale])))}${shape.mark[locale]}`);
  }
  if (shape.edition) doc.setIn(['edition'], shape.edition.number);
  if (shape.selects) doc.setIn(['selection'], doc.createNode(selectionPlaces(units)));
  doc.setIn(['window', 'opensAt'], dayFrom(now, shape.opens, '00:00:00'));
  doc.setIn(['window', 'closesAt'], dayFrom(now, shape.closes, '23:59:59'));
  doc.setIn(['review', 'dueAt'], dayFrom(now, shape.reviewDue, '23:59:59'));
  return doc.toString({ lineWidth: 0 });
}

/** Writes the demo campaigns, sized for `units` units, and a copy of the seventh collection into `campaignsDir`. */
export function writeDemoCampaigns(campaignsDir: string, now: Date, units: number): void {
  mkdirSync(campaignsDir, { recursive: true });
  for (const shape of SHAPES) writeFileSync(path.join(campaignsDir, `${shape.slug}.yaml`), campaignText(shape, now, units));
  copyFileSync(SEVENTH_FILE, path.join(campaignsDir, 'seventh-collection.yaml'));
}
