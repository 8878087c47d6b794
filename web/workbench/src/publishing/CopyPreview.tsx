import { useMemo, type ReactElement } from 'react';
import { htmlToText } from '../../../../core/case/html-text.ts';
import type { FieldFlag } from '../../../../core/publishing/public-copy.ts';
import type { CampaignDetail } from '../cases/cases-api.ts';
import { DivisionName } from '../components/UnitView.tsx';
import { useI18n } from '../i18n.tsx';
import type { CopyDraft } from './copy-draft.ts';
import { pictureUrl, type PublicCopy } from './publishing-api.ts';

// The public copy as its public page shows it (server/pages/case-page.tsx, web/public/case-page-css.ts):
// the same order, headings and type, drawn from the text being edited, saved or not. The numbers
// flagged as possible personal data are marked here, and only here.

// What case HTML may hold (server/shared/case-html.ts), and the marks added here.
const KEPT = new Set(['P', 'H3', 'H4', 'STRONG', 'B', 'EM', 'I', 'UL', 'OL', 'LI', 'BR', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'MARK']);
const KEPT_ATTRIBUTES = new Set(['colspan', 'rowspan']);

/** Case HTML reduced to the allow-list again (it is the editor's or the server's already) with the flagged numbers in <mark>. */
export function markedHtml(html: string, texts: readonly string[]): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const pattern = texts.length > 0 ? new RegExp([...new Set(texts)].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
  const walk = (node: Node) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!pattern) continue;
        const text = child.textContent ?? '';
        const parts = text.split(pattern);
        const found = text.match(pattern);
        if (!found) continue;
        const fragment = doc.createDocumentFragment();
        parts.forEach((part, i) => {
          if (part) fragment.append(part);
          if (i < found.length) {
            const mark = doc.createElement('mark');
            mark.className = 'pp-flag-mark';
            mark.textContent = found[i]!;
            fragment.append(mark);
          }
        });
        child.replaceWith(fragment);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const element = child as Element;
        walk(element);
        // Unknown markup keeps its text, never its element.
        if (!KEPT.has(element.tagName)) element.replaceWith(...element.childNodes);
        else for (const attr of [...element.attributes]) if (!KEPT_ATTRIBUTES.has(attr.name)) element.removeAttribute(attr.name);
      } else {
        child.remove();
      }
    }
  };
  walk(doc.body);
  return doc.body.innerHTML;
}

interface PreviewProps {
  campaign: CampaignDetail;
  draft: CopyDraft;
  copy: PublicCopy;
  tier: 'best' | 'excellent' | null;
  flags: FieldFlag[];
}

export function CopyPreview({ campaign, draft, copy, tier, flags }: PreviewProps) {
  const { t, locale } = useI18n();
  const marks = (field: string) => flags.filter((f) => f.field === field).map((f) => f.text);
  const summary = useMemo(() => markedHtml(draft.summary, flags.filter((f) => f.field === 'summary').map((f) => f.text)), [draft.summary, flags]);
  const sections = campaign.caseStyle.elements
    .map((e) => ({ key: e.key, name: e.name[locale], html: draft.sections[e.key] ?? '' }))
    .filter((s) => htmlToText(s.html) !== '');
  const pictures = draft.photoIds.map((id) => copy.pictures.find((p) => p.id === id)).filter((p) => p !== undefined);
  const plain = (text: string, field: string) => <>{markedText(text, marks(field))}</>;
  return (
    <div className="pp-preview" lang={locale}>
      <article>
        <header className="pp-preview-head">
          <p className="pp-preview-campaign">{campaign.title[locale]}</p>
          {tier && <p className="pp-preview-tier">{campaign.tiers.find((x) => x.key === tier)?.name[locale] ?? tier}</p>}
          <h2 className="pp-preview-title">{plain(draft.title, 'title')}</h2>
          <dl className="pp-preview-facts">
            <div><dt>{t('casePage.unit')}</dt><dd>{plain(draft.unitName, 'unitName')}</dd></div>
            <div><dt>{t('casePage.region')}</dt><dd><DivisionName code={copy.divisionCode} /></dd></div>
            <div><dt>{t('casePage.category')}</dt><dd>{campaign.categories.find((c) => c.key === copy.category)?.name[locale] ?? copy.category}</dd></div>
            {copy.publishedAt && <div><dt>{t('casePage.published')}</dt><dd>{copy.publishedAt.slice(0, 10)}</dd></div>}
          </dl>
        </header>
        <section className="pp-preview-section">
          <h3>{t('casePage.summary')}</h3>
          <div className="pp-preview-text" dangerouslySetInnerHTML={{ __html: summary }} />
        </section>
        {pictures.length > 0 && (
          <section className="pp-preview-section">
            <h3>{t('casePage.photos')}</h3>
            <div className="pp-preview-photos">
              {pictures.map((p, i) => (
                <img key={p.id} src={pictureUrl(p.id)} alt={t('casePage.photoAlt', { title: draft.title, n: i + 1 })} loading="lazy"
                  {...(p.width && p.height ? { width: p.width, height: p.height } : {})} />
              ))}
            </div>
          </section>
        )}
        {sections.map((s) => (
          <section key={s.key} className="pp-preview-section">
            <h3>{s.name}</h3>
            <div className="pp-preview-text" dangerouslySetInnerHTML={{ __html: markedHtml(s.html, marks(s.key)) }} />
          </section>
        ))}
      </article>
    </div>
  );
}

/** Plain text with the flagged numbers in <mark>. */
function markedText(text: string, texts: readonly string[]) {
  if (texts.length === 0) return text;
  const out: (string | ReactElement)[] = [];
  let rest = text;
  let n = 0;
  for (;;) {
    const hits = texts.map((x) => ({ x, at: rest.indexOf(x) })).filter((h) => h.at >= 0).sort((a, b) => a.at - b.at);
    const hit = hits[0];
    if (!hit) break;
    out.push(rest.slice(0, hit.at), <mark key={n++} className="pp-flag-mark">{hit.x}</mark>);
    rest = rest.slice(hit.at + hit.x.length);
  }
  out.push(rest);
  return out;
}
