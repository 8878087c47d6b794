import {
  createDivisionIndex,
  type Division,
  type DivisionDescription,
  type DivisionIndex,
} from '../../../core/org/divisions.ts';
import { loadDivisionRecords } from './divisions.source.ts';

// The divisions are static reference data: built into an index on first use and kept for the
// life of the process. No database, no actor: everyone may read them.

let index: DivisionIndex | undefined;

function divisions(): DivisionIndex {
  index ??= createDivisionIndex(loadDivisionRecords());
  return index;
}

/**
 * No parent: the 31 provincial-level units. A province: its cities and the counties it governs
 * directly (for 北京市, 上海市, 天津市, 重庆市 only counties). A city: its counties. Sorted by code;
 * null when the parent is not a known division.
 */
export function listDivisions(parentCode?: string | null): Division[] | null {
  return divisions().listDivisions(parentCode);
}

/** The division with its path from the province down, or null for an unknown code. */
export function describeDivision(code: string): DivisionDescription | null {
  return divisions().describeDivision(code);
}

/** True only for a province, city or county of the current table. */
export function isValidDivisionCode(code: string): boolean {
  return divisions().isValidDivisionCode(code);
}
