import type { DivisionDescription } from '../../core/org/divisions.ts';
import type { CategoryKey, GeneratedCase } from '../../core/demo/case-text.ts';
import type { Actor } from '../modules/auth/actor.ts';
import type { DemoContext } from './demo-context.ts';

// What one seeding step leaves for the next: the units, their people and their cases. A step is
// one file in steps/, run in the order of seed-demo.ts.

export interface DemoUnit {
  index: number;
  id: string;
  name: string;
  category: CategoryKey;
  division: DivisionDescription;
  /** The operator who registered it and writes its case, signed in. */
  operator: Actor;
}

export interface DemoSuperior {
  id: string;
  name: string;
  provinceCode: string;
  /** A member who recommends the cases of the units below, signed in. */
  member: Actor;
}

export interface DemoCase {
  id: string;
  unit: DemoUnit;
  content: GeneratedCase;
  /** Set once submitted. */
  receiptNumber?: string;
}

/** The planted pair: `copy` is `original` reworded. */
export interface NearDuplicate {
  original: DemoCase;
  copy: DemoCase;
}

/** A past demo campaign's cases, and how screening decided them (those not decided are pending). */
export interface DemoCampaignCases {
  cases: DemoCase[];
  nearDuplicate?: NearDuplicate;
  passed: DemoCase[];
  rejected: DemoCase[];
  returned: DemoCase[];
}

export interface DemoState {
  organizer?: Actor;
  superiors: Map<string, DemoSuperior>;
  units: DemoUnit[];
  /** The collecting campaign's (ctx.slug) cases. */
  cases: DemoCase[];
  /** The reviewers' addresses, in the pool's order (actorOf signs one in). */
  reviewers: string[];
  nearDuplicate?: NearDuplicate;
  /** The campaign in review (ctx.reviewSlug). */
  review: DemoCampaignCases;
  /** The campaign in screening (ctx.screeningSlug): most of its cases still pending. */
  screening: DemoCampaignCases;
  /** The campaign whose notice runs (demo-notice). */
  notice: DemoCampaignCases;
  /** The campaign whose notice has ended with an objection open (demo-results). */
  results: DemoCampaignCases;
  /** The finished earlier edition (demo-sixth). */
  earlier: DemoCampaignCases;
}

export interface DemoStep {
  /** Printed as the step runs: "units: 300 registered". */
  name: string;
  run(ctx: DemoContext, state: DemoState): Promise<string>;
}

const noCases = (): DemoCampaignCases => ({ cases: [], passed: [], rejected: [], returned: [] });

export const emptyDemoState = (): DemoState => ({ superiors: new Map(), units: [], cases: [], reviewers: [], review: noCases(), screening: noCases(), notice: noCases(), results: noCases(), earlier: noCases() });
