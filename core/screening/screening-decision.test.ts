import { describe, expect, it } from 'vitest';
import { changedSince, decisionRefusal, reversalRefusal, screeningState } from './screening-decision.ts';

const NOW = new Date('2024-07-10T00:00:00Z');
const LATER = new Date('2024-07-20T00:00:00Z');

describe('screening decisions', () => {
  it('shows a returned case as returned whatever its stored outcome', () => {
    expect([screeningState('returned', 'pending'), screeningState('submitted', 'passed'), screeningState('submitted', 'pending')]).toEqual(['returned', 'passed', 'pending']);
  });

  it('decides only a pending case, with a reason for reject and return and a future date for return', () => {
    const at = (decision: 'pass' | 'reject' | 'return', state: 'pending' | 'passed' | 'returned', reason: string | null, dueAt: Date | null = null) =>
      decisionRefusal({ decision, state, reason, dueAt, now: NOW });
    expect(at('pass', 'pending', null)).toBeNull();
    expect(at('pass', 'passed', null)).toBe('not_pending');
    expect(at('reject', 'returned', '不符合要求')).toBe('not_pending');
    expect(at('reject', 'pending', '  ')).toBe('reason_required');
    expect(at('reject', 'pending', '内容与主题无关')).toBeNull();
    expect(at('return', 'pending', '请补充盖章扫描件', null)).toBe('due_date_invalid');
    expect(at('return', 'pending', '请补充盖章扫描件', NOW)).toBe('due_date_invalid');
    expect(at('return', 'pending', '请补充盖章扫描件', LATER)).toBeNull();
    expect(at('return', 'pending', '', LATER)).toBe('reason_required');
  });

  it('reverses a pass or a rejection with a reason, never a return or a pending case', () => {
    expect([reversalRefusal('passed', '误判'), reversalRefusal('rejected', '复核后可以通过'), reversalRefusal('passed', ' '), reversalRefusal('returned', '误判'), reversalRefusal('pending', '误判')])
      .toEqual([null, null, 'reason_required', 'not_reversible', 'not_reversible']);
  });

  it('names every case of a selection that changed since it was seen', () => {
    const current = new Map([
      ['a', { submissionId: 's1', state: 'pending' as const }],
      ['b', { submissionId: 's3', state: 'pending' as const }],
      ['c', { submissionId: 's4', state: 'passed' as const }],
    ]);
    expect(changedSince([
      { caseId: 'a', submissionId: 's1', state: 'pending' },
      { caseId: 'b', submissionId: 's2', state: 'pending' },
      { caseId: 'c', submissionId: 's4', state: 'pending' },
      { caseId: 'd', submissionId: 's5', state: 'pending' },
    ], current)).toEqual(['b', 'c', 'd']);
    expect(changedSince([{ caseId: 'a', submissionId: 's1', state: 'pending' }], current)).toEqual([]);
  });
});
