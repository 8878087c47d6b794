import type { Translator } from '../../../../core/i18n/messages.ts';
import type { Dashboard } from './dashboard-api.ts';
import type { ChartOption } from './EChart.tsx';

// What each chart of the dashboard draws, as ECharts options: the same figures as the table
// beside it. Phones get smaller type and fewer axis labels, never fewer figures.

export interface ChartText {
  t: Translator;
  phone: boolean;
  /** Under 360 CSS px (a phone at 200 % zoom): the legend stands one entry a line. */
  narrow: boolean;
  categoryName: (key: string) => string;
}

const OUTCOMES = ['pending', 'passed', 'rejected', 'returned'] as const;
/** Colours of the screening outcomes: waiting grey-blue, passed green, rejected red, returned amber. */
const OUTCOME_COLORS = { pending: '#5470c6', passed: '#2e7d32', rejected: '#c62828', returned: '#ed6c02' } as const;

const font = (phone: boolean) => (phone ? 11 : 12);
const grid = (phone: boolean, left = 8) => ({ left, right: phone ? 8 : 24, top: 36, bottom: 8, containLabel: true });
// A plain legend wraps onto a second line on a phone rather than hiding series behind arrows.
const legend = (phone: boolean) => ({ top: 0, type: 'plain' as const, itemGap: phone ? 8 : 10, textStyle: { fontSize: font(phone) } });
/** Room above the plot for a legend of this many entries. */
const legendRoom = (entries: number, phone: boolean, narrow = false) => (narrow ? 12 + 24 * entries : entries > 2 && (phone || entries > 3) ? 60 : 36);
/** Days drawn before the first submission, so the chart starts where the campaign's activity does. */
export const LEAD_DAYS = 3;

/** Bars of first submissions and resubmissions per day, the running total as a line, the deadline marked. */
export function daysChart(d: Dashboard, { t, phone, narrow }: ChartText): ChartOption {
  const first = d.days.findIndex((x) => x.first > 0 || x.again > 0);
  const shown = d.days.slice(first === -1 ? 0 : Math.max(0, first - LEAD_DAYS));
  const days = shown.map((x) => x.day.slice(5));
  return {
    legend: legend(phone),
    grid: { ...grid(phone), top: legendRoom(3, phone, narrow) + 12, bottom: 4 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days, axisLabel: { fontSize: font(phone), hideOverlap: true } },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { fontSize: font(phone) } },
      { type: 'value', minInterval: 1, axisLabel: { fontSize: font(phone) }, splitLine: { show: false } },
    ],
    series: [
      { name: t('wb.dashboard.days.first'), type: 'bar', stack: 'day', barMaxWidth: 24, data: shown.map((x) => x.first) },
      { name: t('wb.dashboard.days.again'), type: 'bar', stack: 'day', barMaxWidth: 24, data: shown.map((x) => x.again) },
      {
        name: t('wb.dashboard.days.cumulative'), type: 'line', yAxisIndex: 1, showSymbol: false, data: shown.map((x) => x.cumulative),
        markLine: {
          symbol: 'none', lineStyle: { color: '#b3261e', type: 'dashed' }, label: { formatter: t('wb.dashboard.days.deadline'), color: '#b3261e', fontSize: font(phone) },
          data: [{ xAxis: d.deadlineDay.slice(5) }],
        },
      },
    ],
  };
}

/** Horizontal bars, longest first at the top: one figure per named row. */
function horizontalBars(rows: { name: string; value: number }[], seriesName: string, phone: boolean, color?: string): ChartOption {
  const top = [...rows].reverse();
  return {
    grid: { ...grid(phone), top: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font(phone) } },
    yAxis: { type: 'category', data: top.map((r) => r.name), axisLabel: { fontSize: font(phone), width: phone ? 90 : 160, overflow: 'truncate' } },
    series: [{ name: seriesName, type: 'bar', data: top.map((r) => r.value), color, label: { show: true, position: 'right', fontSize: font(phone) } }],
  };
}

export function categoriesChart(d: Dashboard, { t, phone, categoryName }: ChartText): ChartOption {
  return horizontalBars(d.categories.map((c) => ({ name: categoryName(c.category), value: c.cases })), t('wb.dashboard.col.cases'), phone);
}

export function provincesChart(d: Dashboard, { t, phone }: ChartText): ChartOption {
  return horizontalBars(d.provinces.map((p) => ({ name: p.name, value: p.cases })), t('wb.dashboard.col.cases'), phone, '#91cc75');
}

/** Stacked bars per category: how many cases await screening, passed, were rejected or returned. */
export function screeningChart(d: Dashboard, { t, phone, narrow, categoryName }: ChartText): ChartOption {
  const rows = [...d.categories].reverse();
  return {
    legend: legend(phone),
    grid: { ...grid(phone), top: legendRoom(4, phone, narrow) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font(phone) } },
    yAxis: { type: 'category', data: rows.map((c) => categoryName(c.category)), axisLabel: { fontSize: font(phone), width: phone ? 90 : 160, overflow: 'truncate' } },
    series: OUTCOMES.map((o) => ({ name: t(`wb.dashboard.outcome.${o}`), type: 'bar', stack: 'outcome', color: OUTCOME_COLORS[o], data: rows.map((c) => c.outcomes[o]) })),
  };
}

/** Per category, side by side: cases in review and those fully scored; assignments released and reviews submitted. */
export function reviewChart(d: Dashboard, { t, phone, narrow, categoryName }: ChartText): ChartOption {
  const rows = [...d.review.categories].reverse();
  const keys = ['cases', 'fullyScored', 'assigned', 'submitted'] as const;
  return {
    legend: legend(phone),
    grid: { ...grid(phone), top: legendRoom(4, phone, narrow) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font(phone) } },
    yAxis: { type: 'category', data: rows.map((c) => categoryName(c.category)), axisLabel: { fontSize: font(phone), width: phone ? 90 : 160, overflow: 'truncate' } },
    series: keys.map((k) => ({ name: t(`wb.dashboard.review.${k}`), type: 'bar', data: rows.map((c) => c[k]) })),
  };
}

/** Bars per score band, one series per category that has a scored case. */
export function scoresChart(d: Dashboard, { t, phone, narrow, categoryName }: ChartText): ChartOption {
  const used = d.scores.categories.map((c, i) => ({ c, i })).filter(({ i }) => d.scores.bands.some((b) => b.counts[i]! > 0));
  return {
    legend: legend(phone),
    grid: { ...grid(phone), top: legendRoom(used.length, phone, narrow) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: d.scores.bands.map((b) => t('wb.dashboard.scores.bandRange', { from: b.from, to: b.to })), axisLabel: { fontSize: font(phone), hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font(phone) } },
    series: used.map(({ c, i }) => ({ name: categoryName(c), type: 'bar', stack: phone ? 'band' : undefined, data: d.scores.bands.map((b) => b.counts[i]) })),
  };
}

/** A chart's height: horizontal bars grow with their rows so that every name stays legible. */
export function barsHeight(rows: number, phone: boolean, perRow = phone ? 26 : 28): number {
  return Math.max(phone ? 220 : 260, rows * perRow + 60);
}
