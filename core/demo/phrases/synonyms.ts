// Words a template's fixed text may use interchangeably, each chosen afresh wherever it occurs:
// without them every case drawn from a template would repeat its fixed text word for word, and
// unrelated generated cases would look more alike than unrelated real ones. No word here is part
// of a longer word the templates use (组织 is not here: 党组织 would become something else).

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['推动', '推进', '促进', '带动'],
  ['建立', '建起', '构建', '搭建'],
  ['完善', '健全', '优化'],
  ['加强', '强化', '加大'],
  ['提升', '提高', '增强'],
  ['开展', '举办', '实施'],
  ['全面', '全方位', '系统'],
  ['围绕', '聚焦', '紧扣', '着眼'],
  ['累计', '共计', '合计'],
  ['先后', '相继', '陆续'],
  ['探索', '尝试', '摸索'],
  ['打造', '塑造', '培育'],
  ['有效', '切实', '实实在在地'],
  ['认真', '扎实', '用心'],
  ['显示', '表明', '反映出'],
  ['发现', '了解到', '注意到'],
  ['依托', '借助', '利用'],
  ['明确', '细化', '厘清'],
  ['覆盖', '惠及', '辐射'],
  ['显著', '明显', '突出'],
  ['持续', '不断', '久久为功地'],
  ['群众', '老百姓', '人民群众'],
  ['问题', '难题', '短板'],
  ['措施', '举措', '办法'],
  ['目标', '方向', '靶向'],
  ['作用', '效能', '功能'],
  ['基础', '根基', '底子'],
  ['做法', '经验', '路子'],
  ['意见', '想法', '看法'],
  ['及时', '第一时间', '迅速'],
];
