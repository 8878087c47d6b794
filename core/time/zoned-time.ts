// Wall-clock times in a named IANA zone, converted without a date library: campaigns state
// their deadlines in local time ("2024-06-30 23:59:59 北京时间") and we store UTC.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock as Intl reads it: exact for any instant, and costly (tens of µs). */
function readWallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Whole seconds by which `timeZone`'s clock is ahead of UTC at `instant`. */
function readOffsetMs(instant: Date, timeZone: string): number {
  const w = readWallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const MINUTE_MS = 60_000;
/** Per zone, the last minute read and the offset that held through all of it. */
const steadyMinutes = new Map<string, { minute: number; offsetMs: number }>();

/**
 * The offset at `instant`. A zone's offset changes at most once in a minute, so one that is the
 * same at a minute's first and last second holds for the whole minute: that minute's offset is
 * kept and serves every later instant in it (a request's timestamps mostly share one minute).
 */
function offsetMs(instant: Date, timeZone: string): number {
  const minute = Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS;
  const steady = steadyMinutes.get(timeZone);
  if (steady?.minute === minute) return steady.offsetMs;
  const first = readOffsetMs(new Date(minute), timeZone);
  if (readOffsetMs(new Date(minute + MINUTE_MS - 1000), timeZone) !== first) return readOffsetMs(instant, timeZone);
  steadyMinutes.set(timeZone, { minute, offsetMs: first });
  return first;
}

/** The wall clock a person in `timeZone` reads at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const year = instant.getUTCFullYear();
  // Outside years 1000–9999 Intl writes eras and padded years; read it as it is.
  if (year < 1000 || year > 9999) return readWallClock(instant, timeZone);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMs(instant, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** Parses `YYYY-MM-DDTHH:mm:ss`; returns null for anything else or an impossible date. */
export function parseLocalDateTime(text: string): WallClock | null {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number, number, number, number, number, number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    hour > 23 || minute > 59 || second > 59
  ) {
    return null;
  }
  return { year, month, day, hour, minute, second };
}

const DAY_MS = 86_400_000;

/**
 * The instant at which clocks in `timeZone` show `local` (`YYYY-MM-DDTHH:mm:ss`), resolved as
 * Temporal's 'compatible' disambiguation does: a time repeated by a DST fall-back is its earlier
 * instant; a time skipped by a DST jump moves forward by the jump (New York 02:30 → 03:30 EDT).
 * Offsets a day either side bound the offsets that can hold at the time (zones change theirs at
 * most once in two days).
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const wall = parseLocalDateTime(local);
  if (!wall) throw new RangeError(`not a local date-time: ${local}`);
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsetBefore = offsetMs(new Date(naive - DAY_MS), timeZone);
  const offsetAfter = offsetMs(new Date(naive + DAY_MS), timeZone);
  const matches = [naive - offsetBefore, naive - offsetAfter].filter(
    (instant) => naive - offsetMs(new Date(instant), timeZone) === instant,
  );
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In a gap the clock before the jump is the one the person meant to read, carried past it.
  return new Date(naive - offsetBefore);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:mm:ss` as read on a clock in `timeZone`. */
export function formatInZone(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** `YYYY-MM-DD` as read on a calendar in `timeZone`. */
export function formatDateInZone(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone).slice(0, 10);
}
