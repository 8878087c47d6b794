import { describe, expect, it } from 'vitest';
import {
  formatInZone,
  isValidTimeZone,
  parseLocalDateTime,
  zonedLocalToUtc,
} from './zoned-time.ts';

describe('zonedLocalToUtc', () => {
  it('reads Beijing time as UTC+8', () => {
    expect(zonedLocalToUtc('2024-06-30T23:59:59', 'Asia/Shanghai').toISOString()).toBe(
      '2024-06-30T15:59:59.000Z',
    );
    expect(zonedLocalToUtc('2024-01-15T00:00:00', 'Asia/Shanghai').toISOString()).toBe(
      '2024-01-14T16:00:00.000Z',
    );
  });

  it('follows daylight saving time in zones that have it', () => {
    expect(zonedLocalToUtc('2024-07-01T12:00:00', 'Europe/Berlin').toISOString()).toBe(
      '2024-07-01T10:00:00.000Z',
    );
    expect(zonedLocalToUtc('2024-01-01T12:00:00', 'Europe/Berlin').toISOString()).toBe(
      '2024-01-01T11:00:00.000Z',
    );
    // 02:30 does not exist on 2024-03-31 in Berlin; it resolves after the jump.
    expect(zonedLocalToUtc('2024-03-31T02:30:00', 'Europe/Berlin').toISOString()).toBe(
      '2024-03-31T01:30:00.000Z',
    );
  });

  it('rejects text that is not a local date-time', () => {
    expect(() => zonedLocalToUtc('2024-06-31T00:00:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => zonedLocalToUtc('2024-06-30 23:59', 'Asia/Shanghai')).toThrow(RangeError);
  });
});

describe('formatInZone', () => {
  it('shows an instant on a Beijing clock whatever the machine zone', () => {
    expect(formatInZone(new Date('2024-06-30T15:59:59.000Z'), 'Asia/Shanghai')).toBe(
      '2024-06-30 23:59:59',
    );
    expect(formatInZone(new Date('2024-06-30T15:59:59.000Z'), 'America/New_York')).toBe(
      '2024-06-30 11:59:59',
    );
  });
});

describe('parseLocalDateTime and isValidTimeZone', () => {
  it('accepts real dates and zones only', () => {
    expect(parseLocalDateTime('2024-02-29T08:00:00')).toEqual({
      year: 2024, month: 2, day: 29, hour: 8, minute: 0, second: 0,
    });
    expect(parseLocalDateTime('2023-02-29T08:00:00')).toBeNull();
    expect(parseLocalDateTime('2024-02-01T24:00:00')).toBeNull();
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
