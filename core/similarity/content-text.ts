import { htmlToText } from '../case/html-text.ts';

// What of a case is compared: its title, summary and every section, as text, one block a line
// (the lines are what passages.ts shows side by side).

export interface ComparableContent {
  title: string;
  summary: string;
  sections: Readonly<Record<string, string>>;
}

export function similarityText(content: ComparableContent): string {
  return [content.title, htmlToText(content.summary), ...Object.values(content.sections).map(htmlToText)].filter((t) => t !== '').join('\n');
}
