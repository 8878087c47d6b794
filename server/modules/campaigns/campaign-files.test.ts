import { describe, expect, it } from 'vitest';
import { StartupError } from '../../startup-error.ts';
import { campaignsFolder, seventhCampaignData } from '../../testing/campaign-files.ts';
import { readCampaignFiles } from './campaign-files.ts';

function problemsOf(dir: string): string {
  try {
    readCampaignFiles(dir);
  } catch (error) {
    if (error instanceof StartupError) return error.message.replace(dir, '<dir>');
    throw error;
  }
  throw new Error('expected a StartupError');
}

describe('readCampaignFiles', () => {
  it('reads the seventh collection exactly as the notice announces it', () => {
    const [source, ...others] = readCampaignFiles('campaigns');
    expect(others).toEqual([]);
    const c = source!.campaign;
    expect(source!.file).toBe('seventh-collection.yaml');
    expect([c.slug, c.edition, c.noticeDate]).toEqual(['seventh-collection', 7, '2024-01-15']);
    expect(c.organizers.map((o) => o.name['zh-CN'])).toEqual(['中国浦东干部学院', '人民日报社', '人民网·中国共产党新闻网', '中国组织人事报社']);
    expect(c.categories.map((x) => x.name['zh-CN'])).toEqual([
      '农村基层党建', '城市基层党建', '国有企业党建', '机关党建', '事业单位党建', '新经济组织、新社会组织、新就业群体党建',
    ]);
    expect(c.criteria.map((x) => x.name['zh-CN'])).toEqual(['真实性', '创新性', '实效性', '典型性']);
    expect(c.caseStyle.elements.map((e) => e.name['zh-CN'])).toEqual(['背景', '做法', '成效', '探讨', '附录']);
    expect(c.window).toEqual({
      opensAt: '2024-01-15T00:00:00', closesAt: '2024-06-30T23:59:59', timeZone: 'Asia/Shanghai',
      timeZoneLabel: { 'zh-CN': '北京时间', en: 'Beijing time' },
    });
    expect(c.attachments.map((a) => [a.key, a.required])).toEqual([
      ['declaration-form', true], ['sealed-form', true], ['photos', false], ['videos', false], ['media-reports', false],
    ]);
    expect(c.channels.map((x) => x.key)).toEqual(['special-page', 'interviews', 'column', 'online-college', 'recommendation']);
    expect(c.tiers.map((x) => x.name['zh-CN'])).toEqual(['最佳案例', '优秀案例']);
    expect(c.submission.email).toBe('zhengji@people.cn');
    expect(c.contacts.people.map((p) => p.name['zh-CN'])).toEqual(['王老师', '杨老师']);
    expect(c.contacts.phones).toEqual(['021-28288809', '021-28288044']);
  });

  it('names the file and the field of every problem', () => {
    const data = seventhCampaignData();
    delete data.categories[2].name.en;
    data.window.closesAt = '2024-01-01T00:00:00';
    data.contacts.phones.push('12345');
    expect(problemsOf(campaignsFolder({ 'broken.yaml': data }))).toBe(
      [
        'Campaign files in <dir> are not valid:',
        '  - broken.yaml: categories.2.name.en: Invalid input: expected string, received undefined',
        '  - broken.yaml: contacts.phones.2: use a landline such as 021-28288809 or an 11-digit mobile',
      ].join('\n'),
    );
  });

  it('checks rules across fields once every field has the right form', () => {
    const data = seventhCampaignData();
    data.window.closesAt = '2024-01-01T00:00:00';
    data.criteria[1].key = 'authenticity';
    data.contacts.organizer = 'nobody';
    expect(problemsOf(campaignsFolder({ 'cross.yaml': data }))).toBe(
      [
        'Campaign files in <dir> are not valid:',
        '  - cross.yaml: criteria.1.key: duplicate key "authenticity"',
        '  - cross.yaml: window.closesAt: must be after window.opensAt',
        '  - cross.yaml: review.criteria.1.criterion: 没有名为“innovation”的评审标准（现有：authenticity、authenticity、effectiveness、typicality） / names no criterion "innovation" (have: authenticity, authenticity, effectiveness, typicality)',
        '  - cross.yaml: contacts.organizer: names no organizer (have: celap, peoples-daily, people-online, zuzhirenshi)',
      ].join('\n'),
    );
  });

  it('reports a field the schema does not know, so typos are not silently ignored', () => {
    const data = seventhCampaignData();
    data.window.closeAt = data.window.closesAt;
    expect(problemsOf(campaignsFolder({ 'typo.yaml': data }))).toContain('typo.yaml: window: Unrecognized key: "closeAt"');
  });

  it('points at the line of a YAML syntax error', () => {
    const message = problemsOf(campaignsFolder({ 'bad.yaml': 'slug: x\ntitle: [unclosed\nedition: 7\n' }));
    expect(message).toMatch(/^Campaign files in <dir> are not valid:\n {2}- bad\.yaml: line \d+, column \d+: /);
  });

  it('refuses two files with one slug', () => {
    const data = seventhCampaignData();
    expect(problemsOf(campaignsFolder({ 'a.yaml': data, 'b.json': JSON.stringify(data) }))).toBe(
      'Campaign files in <dir> are not valid:\n  - b.json: slug: "seventh-collection" is already used by a.yaml',
    );
  });

  it('refuses an unknown time zone', () => {
    const data = seventhCampaignData();
    data.window.timeZone = 'Asia/Beijing';
    expect(problemsOf(campaignsFolder({ 'tz.yaml': data }))).toContain('tz.yaml: window.timeZone: use an IANA time zone such as Asia/Shanghai');
  });

  it('explains a missing folder', () => {
    expect(() => readCampaignFiles('/nonexistent/campaigns')).toThrow(
      new StartupError('Cannot read the campaigns folder /nonexistent/campaigns: ENOENT'),
    );
  });
});
