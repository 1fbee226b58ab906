// Static SVG charts, drawn at build time by Observable Plot on a server-side DOM (linkedom): no
// script reaches the reader. Colours are custom properties of site.css (`fill="var(--chart-1)"`),
// never hex here, so the stylesheet alone decides them; every chart is paired with a table of
// its numbers on the page (ChartFigure.astro).
//
// Each chart is drawn twice, wide and narrow, and the stylesheet shows the one that fits: an
// SVG scales its text with its width, so one 900-wide drawing shrank to 4 px labels on a phone.
// Counts get integer ticks, months without a value break the line instead of bridging it, a
// chart without any value says so instead of drawing an empty axis, and months read "Aug 2026"
// as in the tables.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { monthLabel } from './format.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export interface Series {
  month: string;
  series: string;
  value: number;
}

/** A colour of site.css: `chart-1` is `--chart-1`; its legend swatch is `.swatch-chart-1`. */
export type ColourToken = string;

/** Series colours, in order: `--chart-1` … `--chart-10`. */
const PALETTE: ColourToken[] = Array.from({ length: 10 }, (_, i) => `chart-${i + 1}`);

const cssColour = (token: ColourToken) => `var(--${token})`;

/** A horizontal reference line, e.g. the acknowledgement target or 100 % met. */
export interface TargetLine {
  value: number;
  label: string;
}

/** The two drawings: width in SVG units; the narrow one is shown below 40rem at about its own size. */
const LAYOUTS = [
  { name: 'wide', width: 900, height: 300, labels: 12 },
  { name: 'narrow', width: 360, height: 260, labels: 4 },
] as const;
type Layout = (typeof LAYOUTS)[number];

/** What is shown instead of a chart with no value to draw. */
export const NO_DATA = '<p class="chart-empty">No data for these months.</p>';

interface SvgNode {
  setAttribute(k: string, v: string): void;
  removeAttribute(k: string): void;
  remove(): void;
  querySelectorAll(selector: string): Iterable<SvgNode>;
  outerHTML: string;
}

function serialise(node: unknown, label: string, layout: Layout): string {
  const svg = node as SvgNode;
  // The chart is one image with one label (its numbers are in the table beside it); Plot's
  // labels on inner groups would be prohibited ARIA on elements without a role.
  for (const inner of svg.querySelectorAll('[aria-label]')) inner.removeAttribute('aria-label');
  for (const inner of svg.querySelectorAll('[aria-description]')) inner.removeAttribute('aria-description');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Sized by the stylesheet to its container (width: 100%); the viewBox keeps the proportions.
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('class', `chart-svg chart-${layout.name}`);
  // No inline style: the page's Content-Security-Policy blocks style attributes and <style>
  // elements without a hash, so site.css styles the charts by their class instead (Plot's own
  // <style> addressed the class it generates, replaced above).
  for (const style of svg.querySelectorAll('style')) style.remove();
  svg.removeAttribute('style');
  return svg.outerHTML;
}

/**
 * Ticks for a count axis up to `max`: whole numbers only, 0 included, at most about `count`
 * of them, the last at or above `max` (so "1.5 incidents" is never a tick).
 */
export function integerTicks(max: number, count = 5): number[] {
  const top = Math.max(1, Math.ceil(max));
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const ticks: number[] = [];
  for (let t = 0; t < top + step; t += step) {
    ticks.push(t);
    if (t >= top) break;
  }
  return ticks;
}

/** Every series in every month: a month without a finite value gets NaN, which breaks the line there. */
export function withGaps(data: readonly Series[], months: readonly string[], order: readonly string[]): Series[] {
  const known = new Map(data.filter((d) => Number.isFinite(d.value)).map((d) => [`${d.series}\u0000${d.month}`, d.value]));
  return order.flatMap((series) => months.map((month) => ({ month, series, value: known.get(`${series}\u0000${month}`) ?? Number.NaN })));
}

function xAxis(months: readonly string[], layout: Layout) {
  const every = Math.max(1, Math.ceil(months.length / layout.labels));
  return {
    type: 'band' as const,
    domain: months as string[],
    label: null,
    tickFormat: (m: string, i: number) => (i % every === 0 ? monthLabel(m) : ''),
  };
}

function frame(months: readonly string[], layout: Layout) {
  return {
    document: document as unknown as Document,
    width: layout.width,
    height: layout.height,
    marginLeft: 52,
    marginRight: 16,
    marginBottom: 36,
    x: xAxis(months, layout),
  };
}

function targetMarks(targets: readonly TargetLine[], months: readonly string[]) {
  return targets.flatMap((t) => [
    Plot.ruleY([t.value], { stroke: 'var(--muted)', strokeDasharray: '2 3', strokeWidth: 1.5 }),
    Plot.text([{ month: months.at(-1), value: t.value, label: t.label }], { x: 'month', y: 'value', text: 'label', dy: -7, textAnchor: 'end', fill: 'var(--muted)' }),
  ]);
}

/** Stacked bars per month, one colour per series (severity, category): counts, on integer ticks. */
export function stackedBars(data: readonly Series[], months: readonly string[], order: readonly string[], yLabel: string, label: string, range = PALETTE): string {
  const totals = new Map<string, number>();
  for (const d of data) totals.set(d.month, (totals.get(d.month) ?? 0) + d.value);
  const max = Math.max(0, ...totals.values());
  if (months.length === 0 || data.every((d) => !Number.isFinite(d.value))) return NO_DATA;
  const ticks = integerTicks(max);
  return LAYOUTS.map((layout) =>
    serialise(
      Plot.plot({
        ...frame(months, layout),
        y: { grid: true, label: yLabel, domain: [0, ticks.at(-1)!], ticks, tickFormat: 'd' },
        color: { domain: order as string[], range: range.map(cssColour), legend: false },
        marks: [Plot.barY(data as Series[], { x: 'month', y: 'value', fill: 'series', order: order as string[] }), Plot.ruleY([0])],
      }),
      label,
      layout,
    ),
  ).join('');
}

export interface LineOptions {
  yLabel: string;
  /** The y domain, e.g. [0, 100] for a share or [1, 5] for ratings; else from 0 to the data. */
  domain?: [number, number];
  /** Whole-number ticks (counts, ratings). */
  integer?: boolean;
  /** Series drawn dashed, on top of the others: a 90th percentile equal to the median stays visible beside it. */
  dashed?: readonly string[];
  targets?: readonly TargetLine[];
}

/** Lines per month, one per series, broken where a month has no value. */
export function lines(data: readonly Series[], months: readonly string[], order: readonly string[], label: string, options: LineOptions): string {
  const finite = data.filter((d) => Number.isFinite(d.value));
  if (months.length === 0 || finite.length === 0) return NO_DATA;
  const dashed = new Set(options.dashed ?? []);
  const filled = withGaps(finite, months, order);
  const max = Math.max(...finite.map((d) => d.value), ...(options.targets ?? []).map((t) => t.value));
  const domain = options.domain ?? [0, max];
  const ticks = options.integer ? integerTicks(domain[1]).filter((t) => t >= domain[0]) : undefined;
  // Solid series first, dashed ones over them.
  const ordered = [...order].sort((a, b) => Number(dashed.has(a)) - Number(dashed.has(b)));
  return LAYOUTS.map((layout) =>
    serialise(
      Plot.plot({
        ...frame(months, layout),
        y: { grid: true, label: options.yLabel, domain: ticks ? [domain[0], Math.max(domain[1], ticks.at(-1)!)] : domain, nice: !ticks && !options.domain, ...(ticks ? { ticks, tickFormat: 'd' } : {}) },
        color: { domain: order as string[], range: PALETTE.map(cssColour), legend: false },
        marks: [
          ...targetMarks(options.targets ?? [], months),
          ...ordered.map((series) =>
            Plot.line(
              filled.filter((d) => d.series === series),
              { x: 'month', y: 'value', stroke: 'series', strokeWidth: dashed.has(series) ? 2 : 3, marker: dashed.has(series) ? 'circle-stroke' : 'circle-fill', ...(dashed.has(series) ? { strokeDasharray: '7 5' } : {}) },
            ),
          ),
          Plot.ruleY([domain[0]]),
        ],
      }),
      label,
      layout,
    ),
  ).join('');
}

/** Severity colours, most severe first, then unassessed: `--sev-critical` … `--sev-unassessed`. */
export const SEVERITY_COLOURS: ColourToken[] = ['sev-critical', 'sev-high', 'sev-medium', 'sev-low', 'sev-unassessed'];

/** The swatch class of each series, for the legend; dashed series get a dashed swatch. */
export function legend(order: readonly string[], range = PALETTE, dashed: readonly string[] = []): { name: string; swatch: string }[] {
  return order.map((name, i) => ({ name, swatch: `swatch-${range[i % range.length]}${dashed.includes(name) ? ' swatch-dashed' : ''}` }));
}
