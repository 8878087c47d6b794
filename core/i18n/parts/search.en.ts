// Messages of the case library's search (decision 0038).
export const searchEn = {
  'error.search_query_too_long': 'The search is too long: at most {max} characters. Please shorten it and search again.',
  'error.search_query_too_many_terms': 'The search has too many words: at most {max}, separated by spaces. Please use fewer and search again.',
} as const;
