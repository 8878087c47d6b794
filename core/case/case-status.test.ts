import { describe, expect, it } from 'vitest';
import { canEdit, canWithdraw, nextStatus, submissionWindow, type EditWindow } from './case-status.ts';

const OPENS = new Date('2024-01-14T16:00:00.000Z');
const DEADLINE = new Date('2024-06-30T15:59:59.999Z');
const at = (iso: string, over: Partial<EditWindow> = {}): EditWindow => ({
  status: 'draft', now: new Date(iso), deadline: DEADLINE, opensAt: OPENS, returnDueAt: null, ...over,
});

describe('case moves', () => {
  it.each([
    [null, 'create', 'unit', 'draft'],
    ['draft', 'submit', 'unit', 'submitted'],
    ['submitted', 'submit', 'unit', 'submitted'],
    ['withdrawn', 'submit', 'unit', 'submitted'],
    ['returned', 'submit', 'unit', 'submitted'],
    ['submitted', 'withdraw', 'unit', 'withdrawn'],
    ['submitted', 'return', 'organizer', 'returned'],
    ['draft', 'recommend', 'superior', 'draft'],
    ['submitted', 'request_review', 'unit', 'submitted'],
  ] as const)('%s --%s by %s--> %s', (from, move, by, to) => {
    expect(nextStatus(from, move, by)).toBe(to);
  });

  it.each([
    ['draft', 'withdraw', 'unit'],
    ['draft', 'return', 'organizer'],
    ['withdrawn', 'withdraw', 'unit'],
    ['submitted', 'return', 'unit'],
    ['submitted', 'submit', 'organizer'],
    ['draft', 'recommend', 'unit'],
    ['draft', 'create', 'unit'],
    [null, 'submit', 'unit'],
  ] as const)('refuses %s --%s by %s', (from, move, by) => {
    expect(nextStatus(from, move, by)).toBeNull();
  });
});

describe('the submission window', () => {
  it('is open from the opening to the last millisecond of the deadline second', () => {
    expect(submissionWindow(at('2024-01-14T15:59:59.999Z'))).toBe('not_open');
    expect(submissionWindow(at('2024-01-14T16:00:00.000Z'))).toBe('open');
    expect(submissionWindow(at('2024-06-30T15:59:59.999Z'))).toBe('open');
    expect(submissionWindow(at('2024-06-30T16:00:00.000Z'))).toBe('closed');
  });

  it('allows drafting before the opening but nothing after the deadline', () => {
    expect(canEdit(at('2024-01-01T00:00:00.000Z'))).toBe(true);
    expect(canEdit(at('2024-06-30T16:00:00.000Z', { status: 'submitted' }))).toBe(false);
  });

  it('reopens a returned case until the date the organizers set, even after the deadline', () => {
    const returned = { status: 'returned' as const, returnDueAt: new Date('2024-07-10T15:59:59.000Z') };
    expect(submissionWindow(at('2024-07-05T00:00:00.000Z', returned))).toBe('open');
    expect(submissionWindow(at('2024-07-10T16:00:00.000Z', returned))).toBe('closed');
  });

  it('keeps a case returned with an earlier date open until the deadline, like every other case', () => {
    const returned = { status: 'returned' as const, returnDueAt: new Date('2024-06-20T15:59:59.000Z') };
    expect(submissionWindow(at('2024-06-25T00:00:00.000Z', returned))).toBe('open');
    expect(submissionWindow(at('2024-06-30T16:00:00.000Z', returned))).toBe('closed');
  });

  it('lets a unit withdraw only a submitted case and only until its deadline', () => {
    expect(canWithdraw(at('2024-06-30T15:00:00.000Z', { status: 'submitted' }))).toBe(true);
    expect(canWithdraw(at('2024-06-30T16:00:00.000Z', { status: 'submitted' }))).toBe(false);
    expect(canWithdraw(at('2024-06-30T15:00:00.000Z', { status: 'draft' }))).toBe(false);
  });
});
