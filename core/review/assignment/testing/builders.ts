import type { AssignmentCase, AssignmentProblem, AssignmentReviewer } from '../problem.ts';

// Small hand-made problems for the tests: every field has a plain default.

export const aCase = (id: string, over: Partial<AssignmentCase> = {}): AssignmentCase => ({ id, category: 'urban', province: '北京', tags: [], ...over });

export const aReviewer = (id: string, over: Partial<AssignmentReviewer> = {}): AssignmentReviewer => ({
  id,
  categories: ['urban'],
  tags: [],
  capacity: 10,
  province: '上海',
  ...over,
});

export const aProblem = (over: Partial<AssignmentProblem>): AssignmentProblem => ({ cases: [], reviewers: [], conflicts: [], reviewsPerCase: 3, kept: [], ...over });
