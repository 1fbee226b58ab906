// Static SVG charts, drawn at build time by Observable Plot on a server-side DOM (linkedom).
// Colours are custom properties of site.css (`fill="var(--chart-1)"`), never hex here, so the
// stylesheet alone decides them; every chart is paired with a table of its numbers on the page
// (ChartFigure.astro).
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

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

interface SvgNode {
  setAttribute(k: string, v: string): void;
  removeAttribute(k: string): void;
  querySelectorAll(selector: string): Iterable<SvgNode>;
  outerHTML: string;
}

function serialise(node: unknown, label: string): string {
  const svg = node as SvgNode;
  // The chart is one image with one label (its numbers are in the table beside it); Plot's
  // labels on inner groups would be prohibited ARIA on elements without a role.
  for (const inner of svg.querySelectorAll('[aria-label]')) inner.removeAttribute('aria-label');
  for (const inner of svg.querySelectorAll('[aria-description]')) inner.removeAttribute('aria-description');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return svg.outerHTML;
}

const common = (months: readonly string[]) => ({
  document: document as unknown as Document,
  width: 900,
  height: 280,
  marginLeft: 48,
  marginBottom: 40,
  style: { background: 'transparent', color: 'currentColor', fontSize: '12px', overflow: 'visible' },
  x: {
    type: 'band' as const,
    domain: months as string[],
    label: null,
    // At most about twelve labels, whatever the span.
    tickFormat: (m: string, i: number) => (i % Math.max(1, Math.ceil(months.length / 12)) === 0 ? m : ''),
  },
});

/** Stacked bars per month, one colour per series (severity, category). */
export function stackedBars(data: readonly Series[], months: readonly string[], order: readonly string[], yLabel: string, label: string, range = PALETTE): string {
  const plot = Plot.plot({
    ...common(months),
    y: { grid: true, label: yLabel },
    color: { domain: order as string[], range: range.map(cssColour), legend: false },
    marks: [Plot.barY(data as Series[], { x: 'month', y: 'value', fill: 'series', order: order as string[] }), Plot.ruleY([0])],
  });
  return serialise(plot, label);
}

/** Lines per month, one per series (median, 90th percentile, share). */
export function lines(data: readonly Series[], months: readonly string[], order: readonly string[], yLabel: string, label: string, percent = false): string {
  const plot = Plot.plot({
    ...common(months),
    y: { grid: true, label: yLabel, zero: true, ...(percent ? { domain: [0, 100] } : {}) },
    color: { domain: order as string[], range: PALETTE.map(cssColour), legend: false },
    marks: [
      Plot.line(data as Series[], { x: 'month', y: 'value', stroke: 'series', strokeWidth: 2, marker: 'circle' }),
      Plot.ruleY([0]),
    ],
  });
  return serialise(plot, label);
}

/** Severity colours, most severe first, then unassessed: `--sev-critical` … `--sev-unassessed`. */
export const SEVERITY_COLOURS: ColourToken[] = ['sev-critical', 'sev-high', 'sev-medium', 'sev-low', 'sev-unassessed'];

/** The swatch class of each series, for the legend. */
export function legend(order: readonly string[], range = PALETTE): { name: string; swatch: string }[] {
  return order.map((name, i) => ({ name, swatch: `swatch-${range[i % range.length]}` }));
}
