import { createDivisionIndex, type DivisionDescription } from '../core/org/divisions.ts';
import { loadDivisionRecords } from '../server/modules/divisions/divisions.source.ts';

// Every county-level division (or a prefecture with none below it), for the benchmarks that
// place generated cases across China.

const divisionIndex = createDivisionIndex(loadDivisionRecords());

export const COUNTIES: readonly DivisionDescription[] = divisionIndex.listDivisions()!.flatMap((province) =>
  divisionIndex.listDivisions(province.code)!.flatMap((child) => (child.hasChildren ? divisionIndex.listDivisions(child.code)! : [child]))
    .map((county) => divisionIndex.describeDivision(county.code)!));
