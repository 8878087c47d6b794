import QRCode from 'qrcode';
import type { Locale } from '../../core/i18n/locale.ts';
import { htmlToText } from '../../core/case/html-text.ts';
import { translator } from '../../core/i18n/messages.ts';
import { formatInZone } from '../../core/time/zoned-time.ts';
import { describeDivision } from '../modules/divisions/divisions.service.ts';
import type { ShownCase } from '../modules/publishing/public-case.service.ts';
import { LruCache } from '../shared/lru-cache.ts';
import { scriptSafeJson } from './layout.tsx';
import { campaignPath, publicCasePath, publicCasePhotoPath } from './page-urls.ts';

// What the case page shows, in the reader's language, from the public copy alone.

export interface CasePageView {
  title: string;
  unitName: string;
  region: string;
  category: string;
  tier: string | null;
  summary: string;
  sections: { key: string; name: string; html: string }[];
  photos: { src: string; width: number | null; height: number | null; alt: string }[];
  campaignTitle: string;
  campaignUrl: string;
  publishedAt: string;
  /** The link to share, in the reader's language. */
  shareUrl: string;
  qrDataUrl: string;
  description: string;
  jsonLd: string;
}

// A QR code depends on its link alone and costs more than the rest of the page to draw: kept by
// link (about 8 KB each), so a page rendered again after any change does not draw it again.
const qrCodes = new LruCache<string>(1000);

/** Everything the page needs; the QR code encodes the share link as an SVG data URL (the page's CSP allows data: images). */
export async function casePageView(shown: ShownCase, locale: Locale, baseUrl: string): Promise<CasePageView> {
  const c = shown.campaign.definition;
  const t = translator(locale);
  const path = publicCasePath(c.slug, shown.publicId);
  const shareUrl = `${baseUrl}${path}?lang=${locale}`;
  const division = describeDivision(shown.divisionCode);
  const photos = shown.pictures.map((p, i) => ({
    src: publicCasePhotoPath(c.slug, shown.publicId, p.id), width: p.width, height: p.height, alt: t('casePage.photoAlt', { title: shown.title, n: i + 1 }),
  }));
  const summaryText = htmlToText(shown.summary).replace(/\s+/g, ' ');
  const description = [...summaryText].length > 150 ? `${[...summaryText].slice(0, 150).join('')}…` : summaryText;
  const tier = shown.tier ? c.tiers.find((x) => x.key === shown.tier)?.name[locale] ?? shown.tier : null;
  let qrDataUrl = qrCodes.get(shareUrl);
  if (!qrDataUrl) {
    const svg = await QRCode.toString(shareUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    qrDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    qrCodes.set(shareUrl, qrDataUrl);
  }
  return {
    title: shown.title, unitName: shown.unitName,
    region: division ? division.path.map((d) => d.name).join('') : '',
    category: c.categories.find((x) => x.key === shown.category)?.name[locale] ?? shown.category,
    tier, summary: shown.summary,
    sections: c.caseStyle.elements.map((e) => ({ key: e.key, name: e.name[locale], html: shown.sections[e.key] ?? '' })).filter((s) => htmlToText(s.html) !== ''),
    photos, campaignTitle: c.title[locale], campaignUrl: `${campaignPath(c.slug)}?lang=${locale}`,
    publishedAt: formatInZone(new Date(shown.publishedAt), shown.campaign.window.timeZone).slice(0, 10),
    shareUrl, qrDataUrl, description,
    jsonLd: scriptSafeJson({
      '@context': 'https://schema.org', '@type': 'Article', headline: shown.title, description, inLanguage: locale,
      datePublished: shown.publishedAt, dateModified: shown.updatedAt, url: `${baseUrl}${path}`,
      author: { '@type': 'Organization', name: shown.unitName },
      publisher: { '@type': 'Organization', name: c.organizers.map((o) => o.name[locale]).join(locale === 'zh-CN' ? '、' : ', ') },
      isPartOf: { '@type': 'CreativeWorkSeries', name: c.title[locale], url: `${baseUrl}${campaignPath(c.slug)}` },
      ...(photos.length > 0 ? { image: photos.map((p) => `${baseUrl}${p.src}`) } : {}),
      ...(tier ? { award: tier } : {}),
    }),
  };
}
