import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE, screeningQuery } from './screening-query.ts';

const CATEGORIES = ['urban', 'rural'];

describe('screening queue query', () => {
  it('defaults to the first page of pending work in arrival order', () => {
    expect(screeningQuery({}, CATEGORIES)).toEqual({
      category: null, province: null, state: null, flags: [], q: null, sort: 'submitted', order: 'asc', limit: 50, offset: 0,
    });
  });

  it('turns the filters into parameters: a province by its two digits, flags once each, most similar first', () => {
    expect(screeningQuery({ category: 'rural', province: '440000', state: 'returned', flags: ['similar', 'preflight', 'similar'], q: ' 红色 ', sort: 'similarity', page: 3, pageSize: 20 }, CATEGORIES)).toEqual({
      category: 'rural', province: '44', state: 'returned', flags: ['preflight', 'similar'], q: '红色', sort: 'similarity', order: 'desc', limit: 20, offset: 40,
    });
    expect(screeningQuery({ province: '11' }, CATEGORIES)).toMatchObject({ province: '11' });
  });

  it('never serves more than a page of the maximum size, nor a page before the first', () => {
    expect(screeningQuery({ pageSize: 5000, page: 0 }, CATEGORIES)).toMatchObject({ limit: MAX_PAGE_SIZE, offset: 0 });
  });

  it('refuses a category the campaign lacks and a province that is no division code', () => {
    expect(screeningQuery({ category: 'mars' }, CATEGORIES)).toEqual({ field: 'category', value: 'mars' });
    expect(screeningQuery({ province: '4403' }, CATEGORIES)).toEqual({ field: 'province', value: '4403' });
    expect(screeningQuery({ province: 'bj' }, CATEGORIES)).toEqual({ field: 'province', value: 'bj' });
  });
});
