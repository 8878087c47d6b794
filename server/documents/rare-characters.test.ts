import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { campaignSchema } from '../../core/campaign/campaign.schema.ts';
import { seventhCampaignData } from '../testing/campaign-files.ts';
import { buildDeclarationPdf } from './declaration-form-pdf.ts';
import { SYSTEM_FALLBACKS, textRuns } from './pdf-fonts.ts';
import { pdfStrings } from './pdf-text.ts';
import { renderReceiptPdf } from './receipt-pdf.ts';

// Characters of real personal and place names, by where a font for them comes from: the npm
// packages (Noto Sans SC, UnifontEX) on any machine; CJK Ext. B–F outside Noto Sans SC only
// from Debian's fonts-hanazono.
const PACKAGED = ['𬶨', '䶮', '堃', '喆', '镕', '𬌗', '𬍛', '한', '국', '🙂'];
const EXT_B_TO_F = ['𠮷', '𫚉', '𣘗'];
const hasHanazono = SYSTEM_FALLBACKS.slice(0, 2).every((file) => existsSync(file));
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;
const CAMPAIGN = campaignSchema.parse(seventhCampaignData());
const ARTIFACTS = 'test-results/rare-characters';

function documents(chars: string[]) {
  const name = `${chars.join('')}社区党委`;
  return {
    receipt: () => renderReceiptPdf({
      number: 'Z7-20240630-7K3M9QX2', campaignTitle: CAMPAIGN.title['zh-CN'], caseTitle: `${chars.join('、')}的红色物业`, unitName: name,
      submittedAt: '2024-06-30T15:59:58.123Z', timeZone: 'Asia/Shanghai', timeZoneLabel: '北京时间', seq: 1,
      contentSha256: '0'.repeat(64), attachments: [], verifyUrl: 'https://zhengji.example.cn/verify?number=Z7-20240630-7K3M9QX2',
    }, 'zh-CN'),
    form: () => buildDeclarationPdf(CAMPAIGN, 'zh-CN', { values: { 'case-title': `${chars.join('')}案例`, unit: name, 'contact-person': chars.slice(0, 3).join('') }, superiorName: '' }),
  };
}

/** The page as a PNG under test-results/, for a person to look at; the text as poppler reads it. */
function popplerText(pdf: Buffer, artifact: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(`${ARTIFACTS}/${artifact}.pdf`, pdf);
  expect(spawnSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', `${ARTIFACTS}/${artifact}.pdf`, `${ARTIFACTS}/${artifact}`]).status).toBe(0);
  return spawnSync('pdftotext', ['-', '-'], { input: pdf }).stdout.toString('utf8');
}

async function expectDrawnAndInText(chars: string[], artifact: string) {
  const { receipt, form } = documents(chars);
  for (const [kind, pdf] of [['receipt', await receipt()], ['form', await form()]] as const) {
    const text = pdfStrings(pdf).join('');
    expect(chars.filter((c) => !text.includes(c)), `${kind}: characters missing from the text layer`).toEqual([]);
    expect(text).toContain(`${chars.join('')}社区党委`);
    if (hasPoppler) {
      const poppler = popplerText(pdf, `${artifact}-${kind}`);
      expect(chars.filter((c) => !poppler.includes(c)), `${kind}: characters pdftotext does not read`).toEqual([]);
    }
  }
}

describe('rare characters in the generated PDFs', () => {
  it('draws every character of the packaged fonts in a font that has it, on any machine', () => {
    expect(PACKAGED.map((c) => textRuns(`李${c}`, 'regular').map((r) => r.font.replace(/-\d+$/, '')))).toEqual(
      PACKAGED.map((c) => ['한', '국', '🙂'].includes(c) ? ['regular', 'fallback'] : ['regular']),
    );
  });

  it(`puts Noto Sans SC's rare characters, Hangul and emoji into the text layer of the receipt and the form${hasPoppler ? '' : ' (pdftotext/pdftoppm not installed: checked through the ToUnicode maps only, no PNG)'}`, async () => {
    await expectDrawnAndInText(PACKAGED, 'packaged');
  });

  it.skipIf(!hasHanazono)(`prints CJK Ext. B–F characters (𠮷 𫚉 𣘗) with Hanazono Mincho${hasHanazono ? '' : ' (skipped: Debian fonts-hanazono is not installed, so they print as boxes)'}`, async () => {
    expect(EXT_B_TO_F.map((c) => textRuns(c, 'regular')[0]!.font)).not.toContain('regular');
    await expectDrawnAndInText([...EXT_B_TO_F, ...PACKAGED], 'ext-b-f');
  });
});
