import { describe, expect, it } from 'vitest';
import { deadlineDay, submissionsPerDay } from './submission-days.ts';

const WINDOW = { opensAt: '2024-06-27T00:00:00', closesAt: '2024-06-30T23:59:59', timeZone: 'Asia/Shanghai' };

describe('submissions per Beijing day', () => {
  it('puts a submission at 16:30 UTC on the next Beijing day and fills days without any', () => {
    expect(submissionsPerDay([
      { minute: '2024-06-26T16:05', first: 1, again: 0 }, // 06-27 00:05 in Beijing
      { minute: '2024-06-27T15:59', first: 2, again: 1 }, // 06-27 23:59
      { minute: '2024-06-27T16:30', first: 1, again: 0 }, // 06-28 00:30
      { minute: '2024-06-30T15:59', first: 3, again: 0 }, // 06-30 23:59, the last minute
    ], WINDOW)).toEqual([
      { day: '2024-06-27', first: 3, again: 1, cumulative: 3 },
      { day: '2024-06-28', first: 1, again: 0, cumulative: 4 },
      { day: '2024-06-29', first: 0, again: 0, cumulative: 4 },
      { day: '2024-06-30', first: 3, again: 0, cumulative: 7 },
    ]);
  });

  it('runs past the deadline to the last submission (an extension) and back before the opening', () => {
    const days = submissionsPerDay([
      { minute: '2024-06-25T02:00', first: 1, again: 0 },
      { minute: '2024-07-01T02:00', first: 0, again: 2 },
    ], WINDOW);
    expect(days.map((d) => [d.day, d.first, d.again, d.cumulative])).toEqual([
      ['2024-06-25', 1, 0, 1], ['2024-06-26', 0, 0, 1], ['2024-06-27', 0, 0, 1], ['2024-06-28', 0, 0, 1],
      ['2024-06-29', 0, 0, 1], ['2024-06-30', 0, 0, 1], ['2024-07-01', 0, 2, 1],
    ]);
  });

  it('gives the whole window with zeros before any submission, and the deadline day on the campaign clock', () => {
    expect(submissionsPerDay([], WINDOW).map((d) => d.day)).toEqual(['2024-06-27', '2024-06-28', '2024-06-29', '2024-06-30']);
    expect(deadlineDay(WINDOW)).toBe('2024-06-30');
    expect(deadlineDay({ ...WINDOW, timeZone: 'America/New_York' })).toBe('2024-06-30');
  });

  it('reads days on the campaign clock of another zone (New York, a day behind in the evening)', () => {
    const days = submissionsPerDay([{ minute: '2024-06-29T02:00', first: 1, again: 0 }], { ...WINDOW, timeZone: 'America/New_York' });
    expect(days.find((d) => d.first === 1)?.day).toBe('2024-06-28');
  });
});
