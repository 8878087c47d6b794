import { describe, expect, it } from 'vitest';
import { finalizeRefusal, noticeStage, noticeWindow, objectionProblems, objectionReference, outcomeRefusal } from './notice-rules.ts';

const SHANGHAI = 'Asia/Shanghai';
const valid = { name: '张三', organization: '某街道党工委', phone: '13912345678', email: null, body: '该案例所述成效与实际不符，有关数据系重复统计。' };

describe('noticeWindow', () => {
  it('runs whole calendar days in Beijing time', () => {
    // 10:00 on 7 December in Beijing; seven days take objections until the end of 13 December.
    const w = noticeWindow(new Date('2026-12-07T02:00:00Z'), 7, SHANGHAI);
    expect(w.startsAt.toISOString()).toBe('2026-12-07T02:00:00.000Z');
    expect(w.endsAt.toISOString()).toBe('2026-12-13T16:00:00.000Z');
  });

  it('counts the Beijing day even when UTC is still on the day before', () => {
    // 23:30 UTC on 6 December is 07:30 on 7 December in Beijing.
    expect(noticeWindow(new Date('2026-12-06T23:30:00Z'), 1, SHANGHAI).endsAt.toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });

  it('crosses a month and a year end', () => {
    expect(noticeWindow(new Date('2026-12-28T04:00:00Z'), 7, SHANGHAI).endsAt.toISOString()).toBe('2027-01-03T16:00:00.000Z');
  });
});

describe('finalizing', () => {
  const notice = { endsAt: '2026-12-13T16:00:00.000Z', finalizedAt: null };
  it('waits for the notice to end and every objection to be resolved', () => {
    expect(finalizeRefusal(null, 0, new Date('2026-12-20T00:00:00Z'))).toBe('notice_missing');
    expect(finalizeRefusal(notice, 0, new Date('2026-12-13T15:59:59Z'))).toBe('notice_running');
    expect(finalizeRefusal(notice, 1, new Date('2026-12-13T16:00:00Z'))).toBe('objections_open');
    expect(finalizeRefusal(notice, 0, new Date('2026-12-13T16:00:00Z'))).toBeNull();
    expect(finalizeRefusal({ ...notice, finalizedAt: '2026-12-14T00:00:00Z' }, 0, new Date('2026-12-20T00:00:00Z'))).toBe('already_final');
  });

  it('tells the stage', () => {
    expect(noticeStage(notice, new Date('2026-12-10T00:00:00Z'))).toBe('running');
    expect(noticeStage(notice, new Date('2026-12-14T00:00:00Z'))).toBe('ended');
  });
});

describe('objectionProblems', () => {
  it('accepts an objection with a way to reach its author', () => {
    expect(objectionProblems(valid)).toEqual([]);
    expect(objectionProblems({ ...valid, phone: null, email: 'zhang@example.cn' })).toEqual([]);
    expect(objectionProblems({ ...valid, phone: '021-28288809' })).toEqual([]);
  });

  it('takes one plain address, not a display name or a list', () => {
    for (const email of ['"x"<evil@example.cn>', 'a@example.cn,b@example.cn', 'a@example.cn;b@example.cn', 'a@b.cn\r\nBcc: c@d.cn', 'x <a@b.cn>']) {
      expect(objectionProblems({ ...valid, email })).toContainEqual({ field: 'email', problem: 'invalid' });
    }
    expect(objectionProblems({ ...valid, email: 'zhang.san+notice@mail.example.cn' })).toEqual([]);
  });

  it('refuses an objection nobody could answer', () => {
    expect(objectionProblems({ ...valid, phone: '  ', email: '' })).toEqual([{ field: 'contact', problem: 'required' }]);
  });

  it('names each wrong field', () => {
    expect(objectionProblems({ name: '', organization: '单'.repeat(101), phone: '12345', email: 'not-mail', body: '太短' })).toEqual([
      { field: 'name', problem: 'required' },
      { field: 'organization', problem: 'too_long', limit: 100 },
      { field: 'body', problem: 'too_short', limit: 10 },
      { field: 'phone', problem: 'invalid' },
      { field: 'email', problem: 'invalid' },
    ]);
  });

  it('counts characters, not UTF-16 units, so rare names fit', () => {
    expect(objectionProblems({ ...valid, name: '𠮷'.repeat(50) })).toEqual([]);
  });
});

describe('objectionReference', () => {
  it('reads without look-alike letters', () => {
    const ref = objectionReference(7, new Uint8Array([0, 1, 2, 3, 4, 5, 6, 255]));
    expect(ref).toMatch(/^YY7-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });
});

describe('outcomeRefusal', () => {
  it('needs a reason and a real change when upheld', () => {
    expect(outcomeRefusal({ status: 'dismissed', reason: ' ' }, 'best')).toBe('reason_required');
    expect(outcomeRefusal({ status: 'dismissed', reason: '经核实，数据来源可靠。' }, 'best')).toBeNull();
    expect(outcomeRefusal({ status: 'upheld', tier: 'best', reason: '属实' }, 'best')).toBe('tier_unchanged');
    expect(outcomeRefusal({ status: 'upheld', tier: 'none', reason: '属实' }, 'best')).toBeNull();
    expect(outcomeRefusal({ status: 'dismissed', reason: '理'.repeat(501) }, 'best')).toBe('reason_too_long');
  });
});
