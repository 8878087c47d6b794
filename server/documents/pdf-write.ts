import { baselineBelowTop, textRuns, type Weight } from './pdf-fonts.ts';

// pdfkit draws one font at a time; a paragraph that needs several (𠮷 among Noto Sans SC's
// characters) is drawn as "continued" fragments, which pdfkit wraps as one paragraph. pdfkit
// aligns each fragment on its own, so a centred or right-aligned line of several fonts is
// placed here by its measured width instead; and it hangs each fragment from its own font's
// ascender, so every fragment is put on the primary font's baseline.

type TextOptions = PDFKit.Mixins.TextOptions;

/** Draws `text` at (`x`, `y`) in the `weight` font chain and `size`, run by run, as one paragraph. */
export function writeText(doc: PDFKit.PDFDocument, weight: Weight, size: number, text: string, x: number, y: number, options: TextOptions = {}): void {
  const runs = textRuns(text, weight);
  doc.fontSize(size);
  if (runs.length <= 1) {
    doc.font(runs[0]?.font ?? weight).text(text, x, y, options);
    return;
  }
  let start = x;
  let placed: TextOptions = { ...options, baseline: -baselineBelowTop(weight, size) };
  if (options.align === 'center' || options.align === 'right') {
    const total = runs.reduce((sum, run) => sum + doc.font(run.font).widthOfString(run.text), 0);
    const width = options.width ?? doc.page.width - doc.page.margins.right - x;
    if (!text.includes('\n') && total <= width) start = x + (width - total) / (options.align === 'center' ? 2 : 1);
    placed = { ...placed, align: 'left', width: width - (start - x) };
  }
  runs.forEach((run, i) => {
    const fragment = { ...placed, continued: i < runs.length - 1 };
    doc.font(run.font);
    if (i === 0) doc.text(run.text, start, y, fragment);
    else doc.text(run.text, fragment);
  });
}
