import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Tooltip } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { CSP_NONCE } from '../../csp-nonce.ts';
import { useI18n } from '../../i18n.tsx';
import { CaseTable } from './case-table.ts';
import { cleanPastedHtml } from './paste-clean.ts';

// Rich text limited to what a case needs: paragraphs, subheadings (h3, h4), bold, italics,
// bullet and numbered lists, line breaks, and tables kept whole (case-table.ts). Every other
// StarterKit node and mark is off, so the editor cannot hold what the server's allow-list would drop.

export const CASE_EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [3, 4] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
    trailingNode: false,
  }),
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
    // The text comes first in the document (a tab, or the preflight checklist's link, lands in it);
    // CSS shows the toolbar above it.
    <div className="ce-rich">
      <EditorContent editor={editor} />
      <Toolbar editor={editor} headings={headings} />
    </div>
  );
}

function Toolbar({ editor, headings }: { editor: Editor; headings: boolean }) {
  const { t } = useI18n();
  const state = useEditorState({
    editor,
    // Pressed states only where the caret is: six idle toolbars all showing 正文 pressed is noise.
    selector: ({ editor: e }) => {
      const on = e.isFocused;
      return {
        paragraph: on && e.isActive('paragraph') && !e.isActive('bulletList') && !e.isActive('orderedList'),
        h3: on && e.isActive('heading', { level: 3 }),
        h4: on && e.isActive('heading', { level: 4 }),
        bold: on && e.isActive('bold'),
        italic: on && e.isActive('italic'),
        bullet: on && e.isActive('bulletList'),
        ordered: on && e.isActive('orderedList'),
      };
    },
  });
  const chain = () => editor.chain().focus();
  const button = (key: string, pressed: boolean, title: string, content: ReactNode, run: () => void) => (
    <Tooltip title={title} key={key}>
      <Button size="small" type={pressed ? 'primary' : 'text'} ghost={pressed} aria-pressed={pressed} aria-label={title} autoInsertSpace={false}
        onMouseDown={(e) => e.preventDefault()} onClick={run}>{content}</Button>
    </Tooltip>
  );
  return (
    <div className="ce-toolbar" role="toolbar" aria-label={t('wb.editor.toolbar')}>
      {headings && (
        <>
          {button('p', state.paragraph, t('wb.editor.tool.paragraph'), t('wb.editor.tool.paragraphShort'), () => chain().setParagraph().run())}
          {button('h3', state.h3, t('wb.editor.tool.h3'), t('wb.editor.tool.h3Short'), () => chain().toggleHeading({ level: 3 }).run())}
          {button('h4', state.h4, t('wb.editor.tool.h4'), t('wb.editor.tool.h4Short'), () => chain().toggleHeading({ level: 4 }).run())}
          <span className="ce-toolbar-sep" aria-hidden="true" />
        </>
      )}
      {button('b', state.bold, t('wb.editor.tool.bold'), <BoldOutlined />, () => chain().toggleBold().run())}
      {button('i', state.italic, t('wb.editor.tool.italic'), <ItalicOutlined />, () => chain().toggleItalic().run())}
      {button('ul', state.bullet, t('wb.editor.tool.bulletList'), <UnorderedListOutlined />, () => chain().toggleBulletList().run())}
      {button('ol', state.ordered, t('wb.editor.tool.orderedList'), <OrderedListOutlined />, () => chain().toggleOrderedList().run())}
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
