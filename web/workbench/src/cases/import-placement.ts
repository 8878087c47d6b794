import type { ImportProposal } from './cases-api.ts';

// What the split could not place is the unit's to place: each part goes, under its own heading,
// at the end of the section the unit picks for it, or is left out. Nothing is placed unasked.

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The proposal with unmatched part i appended to section `placements[i]` (null: left out). */
export function placeUnmatched(proposal: ImportProposal, placements: readonly (string | null)[]): ImportProposal {
  const sections = { ...proposal.sections };
  const unmatched: ImportProposal['unmatched'] = [];
  proposal.unmatched.forEach((part, i) => {
    const key = placements[i] ?? null;
    if (key === null || !(key in sections)) {
      unmatched.push(part);
      return;
    }
    sections[key] += `${part.heading === null ? '' : `<h3>${escapeHtml(part.heading)}</h3>`}${part.html}`;
  });
  return { ...proposal, sections, unmatched };
}
