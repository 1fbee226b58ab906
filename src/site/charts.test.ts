// The trends charts as a reader checks them: whole-number ticks for counts, gaps for months
// without a value, "no data" instead of an empty axis, months as in the tables, a dashed 90th
// percentile over the median, target lines, colours from the stylesheet only.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { durationUnit } from '../core/present/duration.ts';
import { integerTicks, lines, NO_DATA, stackedBars, withGaps, type Series } from './charts.ts';

const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function svgs(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll('svg')];
}
const tickTexts = (svg: Element, axis: 'x' | 'y') => [...svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text, g.${axis}-axis text`)].map((t) => t.textContent);

describe('integerTicks', () => {
  it('gives whole numbers from 0 to at least the largest count', () => {
    expect(integerTicks(0)).toEqual([0, 1]);
    expect(integerTicks(1.5)).toEqual([0, 1, 2]);
    expect(integerTicks(3)).toEqual([0, 1, 2, 3]);
    expect(integerTicks(37)).toEqual([0, 10, 20, 30, 40]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (max) => {
        const ticks = integerTicks(max);
        expect(ticks.every(Number.isInteger)).toBe(true);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });
});

describe('durationUnit', () => {
  it('reads minutes as minutes, hours as hours and longer as days', () => {
    expect(durationUnit(25 * MINUTE).name).toBe('minutes');
    expect(durationUnit(119 * MINUTE).name).toBe('minutes');
    expect(durationUnit(5 * HOUR).name).toBe('hours');
    expect(durationUnit(72 * HOUR).name).toBe('days');
  });
});

describe('charts', () => {
  const counts: Series[] = [
    { month: '2026-07', series: 'high', value: 1 },
    { month: '2026-08', series: 'high', value: 2 },
    { month: '2026-08', series: 'low', value: 1 },
    { month: '2026-10', series: 'low', value: 1 },
  ];

  it('counts on whole-number ticks, months as "Aug 2026", one drawing wide and one narrow', () => {
    const drawn = svgs(stackedBars(counts, MONTHS, ['high', 'low'], 'incidents', 'Incidents'));
    expect(drawn.map((s) => s.getAttribute('class'))).toEqual(['chart-svg chart-wide', 'chart-svg chart-narrow']);
    for (const svg of drawn) {
      expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
      expect(svg.hasAttribute('width')).toBe(false);
      const y = [...svg.querySelectorAll('text')].map((t) => t.textContent!).filter((t) => /^[\d.]+$/.test(t));
      expect(y).toEqual(['0', '1', '2', '3']);
      expect(svg.textContent).toContain('Jul 2026');
      expect(svg.textContent).not.toContain('2026-07');
    }
  });

  it('breaks a line at a month without a value instead of drawing across it', () => {
    expect(withGaps([{ month: '2026-07', series: 'median', value: 3 }], MONTHS, ['median']).map((d) => d.value)).toEqual([3, NaN, NaN, NaN]);
    const data: Series[] = [
      { month: '2026-07', series: 'median', value: 10 },
      { month: '2026-08', series: 'median', value: 12 },
      { month: '2026-10', series: 'median', value: 8 },
    ];
    const [wide] = svgs(lines(data, MONTHS, ['median'], 'Median', { yLabel: 'minutes' }));
    const path = [...wide.querySelectorAll('path[stroke="var(--chart-1)"]')].map((p) => p.getAttribute('d') ?? '')[0];
    expect(path.match(/M/g)).toHaveLength(2);
  });

  it('draws the 90th percentile dashed over the median, so equal values stay visible, and the target as a labelled line', () => {
    const data: Series[] = MONTHS.flatMap((month) => [
      { month, series: 'median', value: 20 },
      { month, series: '90th percentile', value: 20 },
    ]);
    const [wide] = svgs(lines(data, MONTHS, ['median', '90th percentile'], 'Ack', { yLabel: 'minutes', dashed: ['90th percentile'], targets: [{ value: 30, label: 'target 30m' }] }));
    const strokes = [...wide.querySelectorAll('g[stroke-dasharray], path[stroke-dasharray], [stroke-dasharray]')].map((e) => e.getAttribute('stroke-dasharray'));
    expect(strokes).toContain('7 5');
    expect(wide.textContent).toContain('target 30m');
    const html = wide.outerHTML;
    expect(html.indexOf('var(--chart-2)')).toBeGreaterThan(html.indexOf('var(--chart-1)'));
  });

  it('says "no data" for a chart without a value, never an axis of 0.000000', () => {
    const empty: Series[] = MONTHS.map((month) => ({ month, series: 'mean rating', value: Number.NaN }));
    expect(lines(empty, MONTHS, ['mean rating'], 'Ratings', { yLabel: 'rating', domain: [1, 5], integer: true })).toBe(NO_DATA);
    expect(lines([], [], ['x'], 'X', { yLabel: 'x' })).toBe(NO_DATA);
    const one = lines([{ month: '2026-08', series: 'mean rating', value: 4.5 }], MONTHS, ['mean rating'], 'Ratings', { yLabel: 'rating', domain: [1, 5], integer: true });
    expect(one).not.toMatch(/0\.0000/);
    const y = [...svgs(one)[0].querySelectorAll('text')].map((t) => t.textContent!).filter((t) => /^[\d.]+$/.test(t));
    expect(y).toEqual(['1', '2', '3', '4', '5']);
  });

  it('takes every colour from the stylesheet', () => {
    const html = stackedBars(counts, MONTHS, ['high', 'low'], 'incidents', 'Incidents') + lines(counts, MONTHS, ['high', 'low'], 'L', { yLabel: 'n', dashed: ['low'], targets: [{ value: 2, label: 't' }] });
    expect(html).not.toMatch(/#[0-9a-f]{3,8}\b|rgb\(|hsl\(/i);
    expect(html).toMatch(/var\(--chart-1\)/);
  });

  it('carries no inline style, which the page\'s Content-Security-Policy would block', () => {
    const html = stackedBars(counts, MONTHS, ['high', 'low'], 'incidents', 'Incidents') + lines(counts, MONTHS, ['high', 'low'], 'L', { yLabel: 'n', targets: [{ value: 2, label: 't' }] });
    expect(html).not.toMatch(/<style|\sstyle="/);
  });
});
