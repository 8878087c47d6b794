import { formatDateInZone, zonedLocalToUtc } from '../time/zoned-time.ts';

// Submissions per day as the campaign's clock reads it (Beijing time for the seventh
// collection), from counts the database grouped by UTC minute: a minute never straddles two
// local days in any zone, so the grouping stays in SQL and the calendar stays here.

/** Submissions of one UTC minute (`YYYY-MM-DDTHH:mm`): first submissions of a case, and resubmissions after a return or withdrawal. */
export interface MinuteCount {
  minute: string;
  first: number;
  again: number;
}

export interface SubmissionDay {
  /** `YYYY-MM-DD` on the campaign's calendar. */
  day: string;
  first: number;
  again: number;
  /** Cases submitted at least once up to the end of this day. */
  cumulative: number;
}

export interface SubmissionWindow {
  opensAt: string;
  closesAt: string;
  timeZone: string;
}

const DAY_MS = 86_400_000;

/** Every calendar day from the opening to the later of the deadline and the last submission, with zeros where nothing came in. */
export function submissionsPerDay(minutes: readonly MinuteCount[], window: SubmissionWindow): SubmissionDay[] {
  const byDay = new Map<string, { first: number; again: number }>();
  for (const m of minutes) {
    const day = formatDateInZone(new Date(`${m.minute}:00.000Z`), window.timeZone);
    const slot = byDay.get(day) ?? { first: 0, again: 0 };
    slot.first += m.first;
    slot.again += m.again;
    byDay.set(day, slot);
  }
  const opens = formatDateInZone(zonedLocalToUtc(window.opensAt, window.timeZone), window.timeZone);
  const closes = formatDateInZone(zonedLocalToUtc(window.closesAt, window.timeZone), window.timeZone);
  const seen = [...byDay.keys()].sort();
  const start = [opens, seen[0] ?? opens].sort()[0]!;
  const end = [closes, seen.at(-1) ?? closes].sort().at(-1)!;
  const days: SubmissionDay[] = [];
  let cumulative = 0;
  // Calendar days step in UTC noon to noon: no zone's offset moves a date by half a day.
  for (let t = Date.parse(`${start}T12:00:00Z`); ; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const slot = byDay.get(day) ?? { first: 0, again: 0 };
    cumulative += slot.first;
    days.push({ day, first: slot.first, again: slot.again, cumulative });
    if (day >= end) return days;
  }
}

/** The deadline's calendar day, as the chart marks it. */
export function deadlineDay(window: SubmissionWindow): string {
  return formatDateInZone(zonedLocalToUtc(window.closesAt, window.timeZone), window.timeZone);
}
