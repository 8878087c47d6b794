import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useEditorState, type Editor } from '@tiptap/react';
import { Button, Tooltip } from 'antd';
import { Fragment, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';

// A text box's formatting buttons, one tab stop (WAI-ARIA toolbar): Tab reaches the button last
// used, the arrow keys, Home and End move between buttons, and the next Tab goes on to the text.

interface Tool {
  key: string;
  pressed: boolean;
  title: string;
  content: ReactNode;
  run: () => void;
}

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function EditorToolbar({ editor, headings }: { editor: Editor; headings: boolean }) {
  const { t } = useI18n();
  const [stop, setStop] = useState(0);
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
  const tools: Tool[] = [
    ...(headings
      ? [
        { key: 'p', pressed: state.paragraph, title: t('wb.editor.tool.paragraph'), content: t('wb.editor.tool.paragraphShort'), run: () => chain().setParagraph().run() },
        { key: 'h3', pressed: state.h3, title: t('wb.editor.tool.h3'), content: t('wb.editor.tool.h3Short'), run: () => chain().toggleHeading({ level: 3 }).run() },
        { key: 'h4', pressed: state.h4, title: t('wb.editor.tool.h4'), content: t('wb.editor.tool.h4Short'), run: () => chain().toggleHeading({ level: 4 }).run() },
      ]
      : []),
    { key: 'b', pressed: state.bold, title: t('wb.editor.tool.bold'), content: <BoldOutlined />, run: () => chain().toggleBold().run() },
    { key: 'i', pressed: state.italic, title: t('wb.editor.tool.italic'), content: <ItalicOutlined />, run: () => chain().toggleItalic().run() },
    { key: 'ul', pressed: state.bullet, title: t('wb.editor.tool.bulletList'), content: <UnorderedListOutlined />, run: () => chain().toggleBulletList().run() },
    { key: 'ol', pressed: state.ordered, title: t('wb.editor.tool.orderedList'), content: <OrderedListOutlined />, run: () => chain().toggleOrderedList().run() },
  ];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const next = move(Math.max(0, buttons.indexOf(document.activeElement as HTMLButtonElement)), buttons.length);
    buttons[next]?.focus();
  };

  return (
    <div className="ce-toolbar" role="toolbar" aria-label={t('wb.editor.toolbar')} onKeyDown={onKeyDown}>
      {tools.map((tool, index) => (
        <Fragment key={tool.key}>
          {headings && index === 3 && <span className="ce-toolbar-sep" aria-hidden="true" />}
          <Tooltip title={tool.title}>
            {/* Always the text variant: antd wraps other variants in another element, so a change of
                pressed state would replace the focused button and drop the focus on <body>. */}
            <Button size="small" type="text" className={tool.pressed ? 'ce-tool-on' : undefined} aria-pressed={tool.pressed}
              aria-label={tool.title} autoInsertSpace={false} tabIndex={index === stop ? 0 : -1} onFocus={() => setStop(index)}
              onMouseDown={(e) => e.preventDefault()} onClick={tool.run}>{tool.content}</Button>
          </Tooltip>
        </Fragment>
      ))}
    </div>
  );
}
