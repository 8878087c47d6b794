// Messages of the case library's search (decision 0038).
export const searchZhCN = {
  'error.search_query_too_long': '搜索词太长：最多 {max} 个字符，请缩短后再搜索。',
  'error.search_query_too_many_terms': '搜索词太多：最多 {max} 个（以空格分隔），请减少后再搜索。',
} as const;
