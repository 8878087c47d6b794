import { describe, expect, it } from 'vitest';
import { blindContent, blindDeclaration, identityStrings, isBlindVisibleAttachment, maskIdentity } from './blind.ts';

const UNIT = {
  name: '北京市朝阳区建外街道第一社区党委', address: '北京市朝阳区建外大街1号', contactName: '李华', contactPosition: '党委书记',
  contactPhone: '010-65001234', contactEmail: 'lihua@example.cn', superiorName: '中共北京市朝阳区建外街道工作委员会',
};
const FIELDS = [
  { key: 'case-title', kind: 'line' }, { key: 'category', kind: 'category' }, { key: 'unit', kind: 'line' }, { key: 'address', kind: 'line' },
  { key: 'postcode', kind: 'line' }, { key: 'contact-person', kind: 'line' }, { key: 'phone', kind: 'line' }, { key: 'email', kind: 'line' },
  { key: 'summary', kind: 'text' }, { key: 'unit-opinion', kind: 'opinion' }, { key: 'superior-opinion', kind: 'opinion' },
] as const;

describe('blind review', () => {
  it('keeps only the lines of the declaration form that come from the case, with names masked', () => {
    const values = {
      'case-title': '北京市朝阳区建外街道第一社区党委的红色物业', category: 'urban', unit: UNIT.name, address: UNIT.address, postcode: '100022',
      'contact-person': '李华', phone: UNIT.contactPhone, email: UNIT.contactEmail, summary: '李华书记带头', 'unit-opinion': '同意', 'superior-opinion': '同意推荐',
    };
    expect(blindDeclaration(FIELDS, values, identityStrings(UNIT))).toEqual({
      'case-title': '■■的红色物业', category: 'urban', unit: null, address: null, postcode: null, 'contact-person': null,
      phone: null, email: null, summary: '■■书记带头', 'unit-opinion': null, 'superior-opinion': null,
    });
  });

  it('withholds the filled form and the sealed scan, and nothing else', () => {
    expect(['declaration-form', 'sealed-form', 'photos', 'videos'].map(isBlindVisibleAttachment)).toEqual([false, false, true, true]);
  });

  it('masks the longest name whole, before a shorter one inside it', () => {
    const identities = identityStrings(UNIT);
    expect(identities.slice(0, 2)).toEqual([UNIT.superiorName, UNIT.name]);
    expect(maskIdentity('中共北京市朝阳区建外街道工作委员会指导，联系电话010-65001234', identities)).toBe('■■指导，联系电话■■');
    expect(identityStrings({ ...UNIT, contactName: '', superiorName: ' ', contactEmail: 'x' })).toEqual([UNIT.name, UNIT.address, UNIT.contactPhone]);
  });

  it('masks the case text in title, keywords, summary and sections', () => {
    const content = {
      title: '北京市朝阳区建外街道第一社区党委：红色物业', category: 'urban', keywords: ['李华工作法', '社区治理'],
      summary: '<p>由李华牵头</p>', sections: { background: '<p>北京市朝阳区建外大街1号小区</p>', practice: '<p>党员认领楼栋</p>' },
    };
    expect(blindContent(content, identityStrings(UNIT))).toEqual({
      title: '■■：红色物业', category: 'urban', keywords: ['■■工作法', '社区治理'],
      summary: '<p>由■■牵头</p>', sections: { background: '<p>■■小区</p>', practice: '<p>党员认领楼栋</p>' },
    });
  });

  it('masks a name in the case text even where markup splits it, leaving the markup whole', () => {
    const content = {
      title: 't', category: 'urban', keywords: [],
      summary: '<p>北京市朝阳区建外街道<strong>第一社区党委</strong>书记李<em>华</em>牵头</p>',
      sections: { background: '<p>电话 010-<span>65001234</span></p><p>李</p><p>华</p>' },
    };
    const blind = blindContent(content, identityStrings(UNIT));
    expect(blind.summary).toBe('<p>■■<strong></strong>书记■■<em></em>牵头</p>');
    expect(blind.sections.background).not.toContain('65001234');
    expect(blind.summary.replace(/<[^>]*>/g, '')).not.toMatch(/第一社区|李|华/);
  });
});
