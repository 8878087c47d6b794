import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pdfStrings } from './pdf-text.ts';
import { renderReceiptPdf, utcOffsetLabel, type ReceiptForPdf } from './receipt-pdf.ts';

const CONTENT_SHA = '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b';
const FORM_SHA = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';
const PHOTO_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const RECEIPT: ReceiptForPdf = {
  number: 'ZJ7-2024-000123',
  campaignTitle: '第七届全国基层党建创新典型案例征集活动',
  caseTitle: '“红色物业”让社区治理更有温度',
  unitName: '北京市朝阳区建外街道第一社区党委',
  // One second before the deadline, 2024-06-30 23:59:59 Beijing time.
  submittedAt: '2024-06-30T15:59:58.123Z',
  timeZone: 'Asia/Shanghai',
  timeZoneLabel: '北京时间',
  seq: 2,
  contentSha256: CONTENT_SHA,
  attachments: [
    { kind: 'declaration-form', kindName: '申报表电子版', fileName: '申报表.docx', size: 18_234, sha256: FORM_SHA, receivedSha256: FORM_SHA, receivedSize: 18_234 },
    { kind: 'sealed-form', kindName: '加盖公章的申报表照片或扫描件', fileName: 'IMG_20240630_盖章.jpg', size: 3_456_789, sha256: PHOTO_SHA, receivedSha256: PHOTO_SHA, receivedSize: 3_456_789 },
  ],
  verifyUrl: 'https://zhengji.example.cn/verify?number=ZJ7-2024-000123',
};

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

describe('the receipt as PDF', () => {
  it('shows the number, the time in the campaign’s zone and every hash unbroken, in Chinese', async () => {
    const pdf = await renderReceiptPdf(RECEIPT, 'zh-CN');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfStrings(pdf)).toEqual([
      '案例提交回执',
      '第七届全国基层党建创新典型案例征集活动',
      '回执编号', 'ZJ7-2024-000123',
      '案例名称', '“红色物业”让社区治理更有温度',
      '申报单位', '北京市朝阳区建外街道第一社区党委',
      '提交时间', '2024-06-30 23:59:58（北京时间，UTC+08:00）', 'UTC 2024-06-30T15:59:58.123Z',
      '提交次序', '第 2 次提交',
      '案例内容 SHA-256', CONTENT_SHA,
      '附件（2 个）',
      '1. 申报表电子版', '申报表.docx（17.8 KB）',
      'SHA-256', FORM_SHA,
      '2. 加盖公章的申报表照', '片或扫描件', 'IMG_20240630_盖章.jpg（3.3 MB）',
      'SHA-256', PHOTO_SHA,
      '本回执由征集平台在提交成功后生成。SHA-256 是所提交案例内容（规范化 JSON）和每个附件文件的数字指纹，',
      '可据此核对提交的内容未被改动：附件的 SHA-256 是平台收到的原文件的指纹，与对自己的文件运行 ',
      'sha256sum 的结果相同；图片另列平台为去除元数据而重新编码的存储副本。',
      '任何人可在 https://zhengji.example.cn/verify?number=ZJ7-2024-000123 输入回执编号核验本回执。',
      'ZJ7-2024-000123 · 1/1',
    ]);
  });

  it('states a re-encoded picture’s hash as received and, apart, its stored copy’s; only the stored one for a picture kept before originals were', async () => {
    const photo = { kind: 'photos', kindName: '相关图片', fileName: 'IMG_0001.jpg', size: 1_200_000, sha256: PHOTO_SHA, receivedSha256: FORM_SHA, receivedSize: 2_400_000 };
    const strings = pdfStrings(await renderReceiptPdf({ ...RECEIPT, attachments: [photo, { ...photo, receivedSha256: null, receivedSize: null }] }, 'en'));
    const from = strings.indexOf('Attachments (2)');
    expect(strings.slice(from, strings.indexOf('The platform issued this receipt after the submission was saved. Each SHA-256 is the fingerprint of the '))).toEqual([
      'Attachments (2)',
      '1. 相关图片', 'IMG_0001.jpg (2.3 MB)',
      'SHA-256 (file as received)', FORM_SHA,
      'SHA-256 (stored copy)', PHOTO_SHA,
      '2. 相关图片', 'IMG_0001.jpg (1.1 MB)',
      'SHA-256 (stored copy)', PHOTO_SHA,
    ]);
  });

  it('embeds only the glyphs it uses of the 10 MB CJK font, and the hashes in Courier', async () => {
    const pdf = await renderReceiptPdf(RECEIPT, 'zh-CN');
    const text = pdf.toString('latin1');
    expect(pdf.length).toBeLessThan(100_000);
    expect([...new Set([...text.matchAll(/\/BaseFont \/([\w+-]+)/g)].map((m) => m[1]!.replace(/^[A-Z]{6}\+/, 'subset+')))].sort()).toEqual(
      ['Courier', 'subset+NotoSansSC-Bold', 'subset+NotoSansSC-Regular'],
    );
  });

  it('comes in English, naming the zone by its IANA name and offset when the campaign gives no label', async () => {
    const pdf = await renderReceiptPdf({ ...RECEIPT, timeZoneLabel: undefined, attachments: [] }, 'en');
    const strings = pdfStrings(pdf);
    expect(strings.slice(0, 15)).toEqual([
      'Submission receipt',
      '第七届全国基层党建创新典型案例征集活动',
      'Receipt number', 'ZJ7-2024-000123',
      'Case title', '“红色物业”让社区治理更有温度',
      'Submitting unit', '北京市朝阳区建外街道第一社区党委',
      'Submitted at', '2024-06-30 23:59:58 (Asia/Shanghai, UTC+08:00)', 'UTC 2024-06-30T15:59:58.123Z',
      'Submission', 'Submission no. 2',
      'Content SHA-256', CONTENT_SHA,
    ]);
    expect(strings).toContain('No attachments.');
  });

  it('runs onto more pages for many attachments, each page naming the receipt, no file parted from its hash', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ kind: 'photos', kindName: '相关图片', fileName: `照片${i + 1}.jpg`, size: 1000, sha256: PHOTO_SHA, receivedSha256: PHOTO_SHA, receivedSize: 1000 }));
    const strings = pdfStrings(await renderReceiptPdf({ ...RECEIPT, attachments: many }, 'zh-CN'));
    const footers = strings.filter((s) => s.startsWith('ZJ7-2024-000123 · '));
    expect(footers).toEqual(['ZJ7-2024-000123 · 1/3', 'ZJ7-2024-000123 · 2/3', 'ZJ7-2024-000123 · 3/3']);
    expect(strings.filter((s) => s === PHOTO_SHA)).toHaveLength(30);
  });

  it.skipIf(!hasPdftotext)('reads back with poppler’s pdftotext too (skipped where pdftotext is not installed)', async () => {
    const pdf = await renderReceiptPdf(RECEIPT, 'zh-CN');
    const out = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).stdout.toString('utf8');
    expect(out).toContain('案例提交回执');
    expect(out).toContain('2024-06-30 23:59:58（北京时间，UTC+08:00）');
    for (const hash of [CONTENT_SHA, FORM_SHA, PHOTO_SHA]) expect(out).toContain(hash);
  });
});

describe('utcOffsetLabel', () => {
  it('names the offset a zone has at that instant', () => {
    expect([
      utcOffsetLabel(new Date('2024-06-30T15:59:58Z'), 'Asia/Shanghai'),
      utcOffsetLabel(new Date('2024-06-30T15:59:58Z'), 'America/New_York'),
      utcOffsetLabel(new Date('2024-01-30T15:59:58Z'), 'America/New_York'),
      utcOffsetLabel(new Date('2024-06-30T15:59:58Z'), 'Asia/Kolkata'),
      utcOffsetLabel(new Date('2024-06-30T15:59:58Z'), 'UTC'),
    ]).toEqual(['UTC+08:00', 'UTC-04:00', 'UTC-05:00', 'UTC+05:30', 'UTC+00:00']);
  });
});
