import type { assignmentZhCN } from './assignment.zh-CN.ts';

export const assignmentEn: Record<keyof typeof assignmentZhCN, string> = {
  'error.assignment_run_running': 'An assignment run is already under way for this collection; wait until it ends before starting another.',
  'error.assignment_short': 'Some categories lack reviewers, so the assignment cannot be released: {shortfall}. Add reviewers or adjust the assignment, or give a reason to release it anyway.',
  'error.assignment_override_reason': 'Releasing anyway needs a reason (at least 2 characters).',
  'error.assignment_nothing_to_release': 'There is no proposed assignment to release.',
  'error.assignment_case_not_passed': 'This case has not passed screening, so no reviewer can be assigned to it.',
  'error.assignment_conflict': 'This reviewer has a conflict of interest with the case and cannot be assigned to it.',
  'error.assignment_over_capacity': 'This reviewer already has {load} cases, their limit of {capacity}.',
  'error.assignment_exists': 'This reviewer is already assigned to the case.',
  'error.assignment_not_qualified': 'The reviewer’s expertise does not include the case’s category “{category}”.',
  'error.assignment_not_proposed': 'Only an assignment not yet released can be removed here.',
  'audit.assignment.run': '{actor} started computing the reviewer assignment of {campaign}',
  'audit.assignment.add': '{actor} added the reviewer {email} to the case “{case}” by hand',
  'audit.assignment.remove': '{actor} removed a proposed assignment of the case “{case}”',
  'audit.assignment.release': '{actor} released the reviewer assignment of {campaign}: {released} assignments to {reviewers} reviewers',
  'audit.assignment.release_override': '{actor} released the reviewer assignment of {campaign} although reviewers were missing: {released} assignments to {reviewers} reviewers; reason: {reason}',
  'assignment.shortfall': '{category}: {missing} reviews missing ({cases} cases)',
};
