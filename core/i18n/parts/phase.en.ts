import type { phaseZhCN } from './phase.zh-CN.ts';

export const phaseEn: Record<keyof typeof phaseZhCN, string> = {
  'wb.phase.title': 'Phase of the collection',
  'wb.phase.current': 'Current phase: ',
  'wb.phase.since': 'since {at}',
  'wb.phase.next': 'Move to {phase}',
  'wb.phase.back': 'Back to {phase}',
  'wb.phase.confirmNext': 'Move to {phase}?',
  'wb.phase.confirmBack': 'Back to {phase}',
  'wb.phase.reason': 'Reason for moving back',
  'wb.phase.reasonHint': 'The reason is kept in the audit log.',
  'wb.phase.moved': 'The collection is now in its {phase} phase.',
  'wb.phase.effect.screening': 'The collection ends: units can no longer create, submit or withdraw cases, and deadlines can no longer be extended; a case returned for correction may still come back until its date.',
  'wb.phase.effect.review': 'Review begins: the criteria, scales and categories are frozen, released assignments become visible to the reviewers, and they can score.',
  'wb.phase.effect.selection': 'Review ends: reviewers can no longer score; the best and excellent cases are selected from the scores.',
  'wb.phase.effect.notice': 'Selection ends and the notice stage begins: the notice starts when you publish the shortlist on the Notice page, and the public may object while it runs.',
  'wb.phase.effect.final': 'The notice ends and the results are published.',
  'wb.phase.effect.collection': 'The collection opens again.',
};
