import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api.ts';
import type { CaseDetail, DraftInput } from '../cases-api.ts';
import { fieldsOf, type DraftFields } from './draft-fields.ts';
import { DraftSaver, type SaveStatus } from './draft-saver.ts';
import type { DraftBackup } from './local-backup.ts';

const BASE: CaseDetail = {
  id: 'c1', campaignSlug: 'seventh-collection', organizationId: 'o1', status: 'draft', version: 1,
  content: { title: '红色物业', category: null, keywords: [], summary: '', sections: { background: '', practice: '' } },
  declaration: {}, superiorName: '街道党工委', superiorEmail: 'jd@example.cn', superiorOrganizationId: null,
  recommendation: 'none', recommendationNote: null, recommendationAt: null, recommendationVerification: null, returnMessage: null, returnDueAt: null,
  submissionCount: 0, deadline: '2024-06-30T15:59:59.000Z', editable: true,
  counts: { summary: { count: 0, max: 500, state: 'ok' }, body: { count: 0, max: 5000, state: 'ok' }, sections: {} },
  updatedAt: '2024-05-01T02:00:00.000Z',
};

const withBackground = (fields: DraftFields, html: string): DraftFields => ({
  ...fields, content: { ...fields.content, sections: { ...fields.content.sections, background: html } },
});

/** A server that answers saves when told to, recording what it was sent. */
function harness(initial = BASE) {
  const sent: DraftInput[] = [];
  const pending: { resolve: (d: CaseDetail) => void; reject: (e: unknown) => void }[] = [];
  const statuses: SaveStatus['kind'][] = [];
  const conflicts: CaseDetail[] = [];
  const backups: (DraftBackup | null)[] = [];
  const saver = new DraftSaver('c1', initial, {
    save: (input) => {
      sent.push(input);
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
    onStatus: (s) => statuses.push(s.kind),
    onSaved: () => undefined,
    onConflict: (current) => conflicts.push(current),
    backup: { write: (b) => backups.push(b), clear: () => backups.push(null) },
    isOnline: () => true,
  });
  /** Answer the oldest save as the server would: the next version, the sent content. */
  const answer = () => {
    const input = sent[sent.length - pending.length]!;
    pending.shift()!.resolve({ ...initial, version: input.version + 1, content: input.content });
  };
  return { saver, sent, pending, statuses, conflicts, backups, answer };
}

describe('DraftSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves 2.5 s after the last change, with the version it was based on', async () => {
    const h = harness();
    h.saver.change(withBackground(fieldsOf(BASE), '<p>一</p>'));
    await vi.advanceTimersByTimeAsync(2000);
    h.saver.change(withBackground(fieldsOf(BASE), '<p>一二</p>'));
    await vi.advanceTimersByTimeAsync(2400);
    expect(h.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(h.sent.map((s) => [s.version, s.content.sections.background])).toEqual([[1, '<p>一二</p>']]);
    h.answer();
    await vi.runAllTimersAsync();
    expect([h.statuses.at(-1), h.backups.at(-1)]).toEqual(['saved', null]);
  });

  it('never has two saves in flight: a change during a save is saved after it, on the new version', async () => {
    const h = harness();
    h.saver.change(withBackground(fieldsOf(BASE), '<p>一</p>'));
    void h.saver.saveNow();
    await vi.advanceTimersByTimeAsync(0);
    h.saver.change(withBackground(fieldsOf(BASE), '<p>一二</p>'));
    const second = h.saver.saveNow();
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.sent.length).toBe(1);
    h.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent.map((s) => [s.version, s.content.sections.background])).toEqual([[1, '<p>一</p>'], [2, '<p>一二</p>']]);
    h.answer();
    await second;
    expect(h.saver.isDirty()).toBe(false);
  });

  it('stops at a version conflict and, on "keep mine", saves mine on top of their version', async () => {
    const h = harness();
    h.saver.change(withBackground(fieldsOf(BASE), '<p>我的</p>'));
    void h.saver.saveNow();
    await vi.advanceTimersByTimeAsync(0);
    const theirs: CaseDetail = { ...BASE, version: 4, content: { ...BASE.content, title: '别人改的标题' } };
    h.pending.shift()!.reject(new ApiError(409, 'version_conflict', '', { current: theirs }, undefined));
    await vi.advanceTimersByTimeAsync(10_000);
    expect([h.statuses.at(-1), h.conflicts.map((c) => c.version), h.sent.length]).toEqual(['conflict', [4], 1]);

    void h.saver.keepMine(theirs);
    await vi.advanceTimersByTimeAsync(0);
    expect([h.sent[1]!.version, h.sent[1]!.content.title, h.sent[1]!.content.sections.background]).toEqual([4, '红色物业', '<p>我的</p>']);
  });

  it('on "take theirs" drops the unsaved fields for the server copy', async () => {
    const h = harness();
    h.saver.change(withBackground(fieldsOf(BASE), '<p>我的</p>'));
    void h.saver.saveNow();
    await vi.advanceTimersByTimeAsync(0);
    const theirs: CaseDetail = { ...BASE, version: 3, content: { ...BASE.content, sections: { background: '<p>他的</p>', practice: '' } } };
    h.pending.shift()!.reject(new ApiError(409, 'version_conflict', '', { current: theirs }, undefined));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.saver.takeTheirs(theirs).content.sections.background).toBe('<p>他的</p>');
    expect([h.saver.isDirty(), h.saver.baseVersion, h.backups.at(-1)]).toEqual([false, 3, null]);
  });

  it('carries on without asking when the other save changed no text (a submission from another tab)', async () => {
    const h = harness();
    h.saver.change(withBackground(fieldsOf(BASE), '<p>一</p>'));
    void h.saver.saveNow();
    await vi.advanceTimersByTimeAsync(0);
    h.pending.shift()!.reject(new ApiError(409, 'version_conflict', '', { current: { ...BASE, version: 2 } }, undefined));
    await vi.advanceTimersByTimeAsync(0);
    expect([h.conflicts.length, h.sent.map((s) => s.version)]).toEqual([0, [1, 2]]);
  });

  it('retries a failed save with backoff and keeps the changes in the backup meanwhile', async () => {
    const h = harness();
    const fields = withBackground(fieldsOf(BASE), '<p>断网时写的</p>');
    h.saver.change(fields);
    void h.saver.saveNow();
    await vi.advanceTimersByTimeAsync(0);
    h.pending.shift()!.reject(new TypeError('Failed to fetch'));
    await vi.advanceTimersByTimeAsync(0);
    expect([h.statuses.at(-1), h.backups.at(-1)?.fields.content.sections.background]).toEqual(['failed', '<p>断网时写的</p>']);
    await vi.advanceTimersByTimeAsync(1999);
    expect(h.sent.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sent.length).toBe(2);
  });

  it('sends no address that is still being typed, keeping the saved one', async () => {
    const h = harness();
    h.saver.change({ ...fieldsOf(BASE), superiorEmail: 'new@exa' });
    void h.saver.saveNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent[0]!.superiorEmail).toBe('jd@example.cn');
  });
});
