// The publishing queue and the public-copy editor, in a chunk of their own: the editor brings the
// case editor's text boxes, which the other organizers' pages do without.
export { PublishingQueuePage } from '../publishing/PublishingQueuePage.tsx';
export { PublicCopyEditorPage } from '../publishing/PublicCopyEditorPage.tsx';
