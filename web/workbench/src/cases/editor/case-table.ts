import type { DOMOutputSpec } from '@tiptap/pm/model';
import { Node } from '@tiptap/react';

// StarterKit has no tables and the table extension is not installed, so a table imported from
// Word would fall apart into loose paragraphs as soon as the editor opened its section. This
// node keeps it whole: shown as a table, moved or deleted as one block, its cells not editable
// here. Cell text keeps its paragraphs but not their bold or italics.

interface Cell {
  header: boolean;
  colspan: number;
  rowspan: number;
  paragraphs: string[];
}

const span = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n < 100 ? n : 1;
};

function cellOf(element: Element): Cell {
  const blocks = [...element.querySelectorAll('p, li')].map((p) => p.textContent ?? '');
  return {
    header: element.tagName === 'TH',
    colspan: span(element.getAttribute('colspan')),
    rowspan: span(element.getAttribute('rowspan')),
    paragraphs: (blocks.length > 0 ? blocks : [element.textContent ?? '']).map((t) => t.trim()).filter((t) => t !== ''),
  };
}

/** The rows of a table element, each a list of cells (nested tables are read as their text). */
export function rowsOf(table: Element): Cell[][] {
  return [...table.querySelectorAll(':scope > tr, :scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr')]
    .map((row) => [...row.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH').map(cellOf));
}

function cellSpec(cell: Cell): DOMOutputSpec {
  const attributes: Record<string, string> = {};
  if (cell.colspan > 1) attributes.colspan = String(cell.colspan);
  if (cell.rowspan > 1) attributes.rowspan = String(cell.rowspan);
  return [cell.header ? 'th' : 'td', attributes, ...cell.paragraphs.map((p): DOMOutputSpec => ['p', p])];
}

export const CaseTable = Node.create({
  name: 'caseTable',
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      rows: { default: [], parseHTML: (element: HTMLElement) => rowsOf(element), renderHTML: () => ({}) },
    };
  },
  parseHTML() {
    return [{ tag: 'table' }];
  },
  renderHTML({ node }) {
    const rows = node.attrs.rows as Cell[][];
    return ['table', ['tbody', ...rows.map((row): DOMOutputSpec => ['tr', ...row.map(cellSpec)])]];
  },
});
