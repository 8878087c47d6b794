import { describe, expect, it } from 'vitest';
import { mapReferenceHeader, readReferenceRow } from './reference-rows.ts';

const body = '社区党组织牵头成立红色物业联盟，推动物业服务企业党建全覆盖，居民满意度逐年提升，矛盾纠纷就地化解。';

describe('reference sheet rows', () => {
  it('maps Chinese and English headers, the unit column being optional', () => {
    expect(mapReferenceHeader(['届次', '标题', '单位', '正文'])).toEqual({ ok: true, columns: { source: 0, title: 1, unit: 2, text: 3 } });
    expect(mapReferenceHeader(['Title', 'Text', 'Source'])).toEqual({ ok: true, columns: { title: 0, text: 1, source: 2, unit: 4 } });
    expect(mapReferenceHeader(['标题（必填）', '单位'])).toEqual({ ok: false, missing: ['source', 'text'] });
  });

  it('reads a good row and keeps the text’s paragraphs', () => {
    expect(readReferenceRow({ source: ' 第六届 ', title: '红色物业', unit: '', text: `${body}\r\n${body}` })).toEqual({
      ok: true, row: { source: '第六届', title: '红色物业', unit: '', text: `${body}\n${body}` },
    });
  });

  it('gives every reason a row is refused', () => {
    expect(readReferenceRow({ source: '', title: 'a\u0007b', unit: '单'.repeat(201), text: '太短了。' })).toEqual({
      ok: false,
      problems: [
        { code: 'control_characters', params: { column: '标题/Title' } },
        { code: 'source_missing' },
        { code: 'unit_too_long', params: { max: 200 } },
        { code: 'text_too_short', params: { min: 50 } },
      ],
    });
    expect(readReferenceRow({ source: '第六届', title: '', unit: '', text: '' })).toEqual({ ok: false, problems: [{ code: 'title_missing' }, { code: 'text_missing' }] });
  });
});
