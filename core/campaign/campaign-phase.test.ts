import { describe, expect, it } from 'vitest';
import { CAMPAIGN_PHASES, isActionOpen, isDefinitionFrozen, PHASE_ACTIONS, phaseMoveRefusal, type PhaseAction } from './campaign-phase.ts';

describe('campaign phases', () => {
  it('opens each action in exactly its phases', () => {
    const table = Object.fromEntries(
      (Object.keys(PHASE_ACTIONS) as PhaseAction[]).map((a) => [a, CAMPAIGN_PHASES.filter((p) => isActionOpen(p, a)).join(' ')]),
    );
    expect(table).toEqual({
      create_case: 'collection',
      submit: 'collection',
      resubmit: 'collection screening',
      withdraw: 'collection',
      extend_deadline: 'collection',
      return: 'collection screening',
      screen: 'screening',
      assign_reviewers: 'screening review',
      score: 'review',
      select: 'selection',
      publish_notice: 'notice',
      object: 'notice',
      resolve_objection: 'notice',
      finalize: 'notice',
      publish: 'final',
    });
  });

  it('freezes the definition from review on', () => {
    expect(CAMPAIGN_PHASES.filter(isDefinitionFrozen)).toEqual(['review', 'selection', 'notice', 'final']);
  });

  it('moves one step forward without a reason', () => {
    expect(phaseMoveRefusal({ from: 'screening', to: 'review', reason: null, collectionOpen: false, correctionsOpen: false })).toBeNull();
    expect(phaseMoveRefusal({ from: 'notice', to: 'final', reason: null, collectionOpen: false, correctionsOpen: false })).toBe('finalize_required');
    expect(phaseMoveRefusal({ from: 'final', to: 'notice', reason: '重新公示', collectionOpen: false, correctionsOpen: false })).toBe('results_final');
    // Back to selection before the notice is out, not after: the public saw the list as it stood.
    expect(phaseMoveRefusal({ from: 'notice', to: 'selection', reason: '名单有误', collectionOpen: false, correctionsOpen: false, noticePublished: false })).toBeNull();
    expect(phaseMoveRefusal({ from: 'notice', to: 'selection', reason: '名单有误', collectionOpen: false, correctionsOpen: false, noticePublished: true })).toBe('notice_published');
  });

  it('moves one step back only with a reason', () => {
    expect(phaseMoveRefusal({ from: 'review', to: 'screening', reason: '  ', collectionOpen: false, correctionsOpen: false })).toBe('reason_required');
    expect(phaseMoveRefusal({ from: 'review', to: 'screening', reason: '初审有误，需重新审核', collectionOpen: false, correctionsOpen: false })).toBeNull();
  });

  it('never skips a phase or stays put', () => {
    expect(phaseMoveRefusal({ from: 'collection', to: 'review', reason: null, collectionOpen: false, correctionsOpen: false })).toBe('not_adjacent');
    expect(phaseMoveRefusal({ from: 'final', to: 'screening', reason: '重来', collectionOpen: false, correctionsOpen: false })).toBe('not_adjacent');
    expect(phaseMoveRefusal({ from: 'review', to: 'review', reason: null, collectionOpen: false, correctionsOpen: false })).toBe('not_adjacent');
  });

  it('starts screening only once no unit may submit', () => {
    expect(phaseMoveRefusal({ from: 'collection', to: 'screening', reason: null, collectionOpen: true, correctionsOpen: false })).toBe('collection_open');
    expect(phaseMoveRefusal({ from: 'collection', to: 'screening', reason: null, collectionOpen: false, correctionsOpen: false })).toBeNull();
    // Going back into collection while the window is still open is allowed: it reopens nothing by itself.
    expect(phaseMoveRefusal({ from: 'screening', to: 'collection', reason: '延长征集', collectionOpen: true, correctionsOpen: false })).toBeNull();
  });

  it('starts review only once no returned case may come back corrected', () => {
    expect(phaseMoveRefusal({ from: 'screening', to: 'review', reason: null, collectionOpen: false, correctionsOpen: true })).toBe('corrections_open');
    expect(phaseMoveRefusal({ from: 'screening', to: 'collection', reason: '延长征集', collectionOpen: false, correctionsOpen: true })).toBeNull();
  });

  it('extends deadlines only while collecting', () => {
    expect(CAMPAIGN_PHASES.filter((phase) => isActionOpen(phase, 'extend_deadline'))).toEqual(['collection']);
  });
});
