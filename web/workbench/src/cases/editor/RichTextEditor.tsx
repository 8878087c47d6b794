import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { Bold } from '@tiptap/extension-bold';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import { Italic } from '@tiptap/extension-italic';
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Text } from '@tiptap/extension-text';
import { Dropcursor, Gapcursor, UndoRedo } from '@tiptap/extensions';
import { useEffect, useRef } from 'react';
import { CSP_NONCE } from '../../csp-nonce.ts';
import { CaseTable } from './case-table.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { cleanPastedHtml } from './paste-clean.ts';

// Rich text limited to what a case needs: paragraphs, subheadings (h3, h4), bold, italics,
// bullet and numbered lists, line breaks, and tables kept whole (case-table.ts). Every other
// node and mark is left out, so the editor cannot hold what the server's allow-list would drop.
// The extensions are TipTap's StarterKit less what a case does not have, taken one by one: the kit
// brings the others' code (links, code blocks) even when they are switched off.

export const CASE_EXTENSIONS = [
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Gapcursor,
  HardBreak,
  Heading.configure({ levels: [3, 4] }),
  UndoRedo,
  Italic,
  ListItem,
  ListKeymap,
  OrderedList,
  Paragraph,
  Text,
  CaseTable,
];

interface RichTextProps {
  /** The starting HTML; the editor owns its text afterwards (remount it with a new key to replace it). */
  initialHtml: string;
  onChange: (html: string) => void;
  /** The accessible name of the text box (the section's name). */
  label: string;
  /** Ids of elements describing the box (its hint, its count). */
  describedBy?: string;
  /** Subheadings make no sense in a 500-字 summary. */
  headings?: boolean;
  /** The box's least height in lines: 4 or 6. */
  minRows?: 4 | 6;
}

/** The editor's HTML, or '' when it holds no text (TipTap keeps an empty <p></p>). */
function htmlOf(editor: Editor): string {
  return editor.isEmpty ? '' : editor.getHTML();
}

/**
 * The room ProseMirror keeps above the caret when it scrolls: the page's scroll-padding-top, which
 * the case editor sets to its sticky bar's height (ProseMirror scrolls by itself and reads no CSS).
 */
const CARET_ROOM = {
  get top() {
    return (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) + 8;
  },
  bottom: 8,
  left: 0,
  right: 0,
};

export function RichTextEditor({ initialHtml, onChange, label, describedBy, headings = true, minRows = 6 }: RichTextProps) {
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);
  const editor = useEditor({
    extensions: CASE_EXTENSIONS,
    injectNonce: CSP_NONCE,
    content: initialHtml,
    editorProps: {
      transformPastedHTML: cleanPastedHtml,
      scrollThreshold: CARET_ROOM,
      scrollMargin: CARET_ROOM,
      // Tab leaves the text box as it leaves any field (no list indenting, no keyboard trap):
      // a handled DOM event skips ProseMirror's keymaps without preventing the browser's move.
      handleDOMEvents: { keydown: (_view, event) => event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey },
      attributes: {
        // A class, not a style attribute: the page's CSP refuses inline style attributes.
        class: `ce-prose ce-input ce-rows-${minRows}`,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
    },
    onUpdate: ({ editor: e }) => changed.current(htmlOf(e)),
  });
  return (
    // The toolbar comes first in the tab order as on screen; the preflight checklist's links go
    // past it to the text box (goToTarget).
    <div className="ce-rich">
      <EditorToolbar editor={editor} headings={headings} />
      <EditorContent editor={editor} />
    </div>
  );
}

/** Case HTML shown as text, through the same schema as the editor (so nothing else can render). */
export function RichTextView({ html, label }: { html: string; label: string }) {
  const editor = useEditor({
    extensions: CASE_EXTENSIONS,
    injectNonce: CSP_NONCE,
    content: html,
    editable: false,
    editorProps: { attributes: { class: 'ce-prose ce-view', 'aria-label': label } },
  }, [html]);
  return <EditorContent editor={editor} />;
}
