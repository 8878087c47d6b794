import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SYSTEM_FALLBACKS } from './pdf-fonts.ts';
import { pdfStrings } from './pdf-text.ts';
import { certificateDate, certificateFileName, certificateQr, renderCertificatePdf, type CertificateForPdf } from './certificate-pdf.ts';

const CERT: CertificateForPdf = {
  serial: 'ZJ7-0001-7K3M9QX2',
  unitName: '吉林省长春市朝阳区𠮷祥街道第一社区党委',
  caseTitle: '“红色物业”让社区治理更有温度',
  tierName: '最佳案例',
  campaignTitle: '第七届全国基层党建创新典型案例征集活动',
  organizers: ['中国浦东干部学院', '人民日报社', '人民网·中国共产党新闻网', '中国组织人事报社'],
  date: '2026年12月7日',
  verifyUrl: 'https://zhengji.example.cn/certificates/ZJ7-0001-7K3M9QX2',
};

const hanazono = SYSTEM_FALLBACKS.slice(0, 2).every((file) => existsSync(file));

describe('the certificate as PDF', () => {
  it('names the unit, the case, the tier, the collection, the organizers, the date and the number, in Chinese', async () => {
    const pdf = await renderCertificatePdf(CERT, 'zh-CN');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const strings = pdfStrings(pdf);
    // The unit's name is drawn in runs (𠮷 in the rare-character font), so its lines are joined to read it.
    expect(strings.join('')).toContain(`${CERT.unitName}：`);
    expect(strings.filter((s) => !`${CERT.unitName}：`.includes(s))).toEqual([
      '荣誉证书',
      '你单位报送的案例',
      '《“红色物业”让社区治理更有温度》',
      '在第七届全国基层党建创新典型案例征集活动中被评为',
      '最佳案例',
      '特发此证，以资鼓励。',
      '扫码核验真伪',
      '证书编号：ZJ7-0001-7K3M9QX2',
      '主办单位', '中国浦东干部学院', '人民日报社', '人民网·中国共产党新闻网', '中国组织人事报社',
      '2026年12月7日',
    ]);
  });

  it.skipIf(!hanazono)('prints 𠮷 in the unit’s name from the rare-character font, embedding only the glyphs used', async () => {
    const pdf = await renderCertificatePdf(CERT, 'zh-CN');
    expect(pdfStrings(pdf)).toContain('𠮷');
    const fonts = [...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/([\w+-]+)/g)].map((m) => m[1]!.replace(/^[A-Z]{6}\+/, 'subset+')))].sort();
    expect(fonts).toEqual(['subset+HanaMinA', 'subset+NotoSansSC-Bold', 'subset+NotoSansSC-Regular']);
    expect(pdf.length).toBeLessThan(100_000);
  });

  it('is one landscape A4 page', async () => {
    const text = (await renderCertificatePdf(CERT, 'zh-CN')).toString('latin1');
    expect([...text.matchAll(/\/Type \/Page\b/g)]).toHaveLength(1);
    expect(/\/MediaBox \[([^\]]+)\]/.exec(text)?.[1]?.trim()).toBe('0 0 841.89 595.28');
  });

  it('comes in English with the tier and organizers as given', async () => {
    const strings = pdfStrings(await renderCertificatePdf({
      ...CERT, unitName: 'Chaoyang Community Party Committee', tierName: 'Excellent case', campaignTitle: 'The Seventh Collection',
      organizers: ['China Executive Leadership Academy Pudong'], date: '7 December 2026',
    }, 'en'));
    expect(strings).toEqual([
      'Certificate of Honour',
      'Chaoyang Community Party Committee',
      'The case submitted by your unit',
      '““红色物业”让社区治理更有温度”',
      'has been selected in The Seventh Collection as a',
      'Excellent case',
      'This certificate is awarded in recognition.',
      'Scan to verify',
      'Certificate no. ZJ7-0001-7K3M9QX2',
      'Organizers', 'China Executive Leadership Academy Pudong',
      '7 December 2026',
    ]);
  });

  it('encodes exactly the verification address in its QR code', () => {
    const qr = certificateQr(CERT.verifyUrl);
    expect(qr.segments.map((s) => (s as unknown as { data: Uint8Array }).data).map((d) => Buffer.from(d).toString()).join('')).toBe(CERT.verifyUrl);
    expect(qr.errorCorrectionLevel.bit).toBe(0); // M
  });

  it('dates the certificate by the campaign’s calendar: 23:30 UTC is already the next day in Beijing', () => {
    const instant = new Date('2026-12-06T16:30:00Z');
    expect(certificateDate(instant, 'Asia/Shanghai', 'zh-CN')).toBe('2026年12月7日');
    expect(certificateDate(instant, 'Asia/Shanghai', 'en')).toBe('7 December 2026');
  });

  it('is named for its number in the language asked for', () => {
    expect(certificateFileName('ZJ7-0001-7K3M9QX2', 'zh-CN')).toBe('荣誉证书-ZJ7-0001-7K3M9QX2.pdf');
    expect(certificateFileName('ZJ7-0001-7K3M9QX2', 'en')).toBe('certificate-ZJ7-0001-7K3M9QX2.pdf');
  });
});
