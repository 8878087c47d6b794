import { describe, expect, it } from 'vitest';
import { translator } from '../../../../core/i18n/messages.ts';
import type { Dashboard } from './dashboard-api.ts';
import { barsHeight, daysChart, scoresChart } from './dashboard-charts.ts';

const day = (d: string, first: number, cumulative: number) => ({ day: d, first, again: 0, cumulative });
const base: Dashboard = {
  timeZone: 'Asia/Shanghai', closesAt: '2024-06-30T23:59:59', deadlineDay: '2024-06-30',
  statuses: { draft: 0, submitted: 3, returned: 0, withdrawn: 0 },
  days: [day('2024-06-24', 0, 0), day('2024-06-25', 0, 0), day('2024-06-26', 0, 0), day('2024-06-27', 0, 0), day('2024-06-28', 1, 1), day('2024-06-29', 0, 1), day('2024-06-30', 2, 3)],
  categories: [], provinces: [], review: { reviewsPerCase: 3, categories: [] },
  scores: { categories: ['rural', 'urban'], bands: [{ from: 80, to: 90, counts: [0, 2] }, { from: 90, to: 100, counts: [0, 1] }], unscored: 0 },
};
const text = { t: translator('zh-CN'), phone: false, narrow: false, categoryName: (k: string) => `类别${k}` };

describe('dashboard charts', () => {
  it('draws the days from three days before the first submission, the deadline marked', () => {
    const option = daysChart(base, text) as { xAxis: { data: string[] }; series: { data: number[]; markLine?: { data: { xAxis: string }[] } }[] };
    expect(option.xAxis.data).toEqual(['06-25', '06-26', '06-27', '06-28', '06-29', '06-30']);
    expect(option.series.map((s) => s.data)).toEqual([[0, 0, 0, 1, 0, 2], [0, 0, 0, 0, 0, 0], [0, 0, 0, 1, 1, 3]]);
    expect(option.series[2]!.markLine!.data).toEqual([{ xAxis: '06-30' }]);
  });

  it('gives the score distribution a series only for categories with a scored case', () => {
    const option = scoresChart(base, text) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['80—90 分', '90—100 分']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([['类别urban', [2, 1]]]);
  });

  it('grows a bar chart with its rows, never below its floor', () => {
    expect([barsHeight(2, false), barsHeight(31, false), barsHeight(31, true)]).toEqual([260, 928, 866]);
  });
});
