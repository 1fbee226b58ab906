// Static SVG charts, drawn at build time by Observable Plot on a server-side DOM (linkedom).
// Colours use CSS variables so the charts follow light and dark mode; every chart is paired
// with a table of its numbers on the page (ChartFigure.astro).
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

export interface Series {
  month: string;
  series: string;
  value: number;
}

const PALETTE = ['#1f77b4', '#d62728', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

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
    color: { domain: order as string[], range, legend: false },
    marks: [Plot.barY(data as Series[], { x: 'month', y: 'value', fill: 'series', order: order as string[] }), Plot.ruleY([0])],
  });
  return serialise(plot, label);
}

/** Lines per month, one per series (median, 90th percentile, share). */
export function lines(data: readonly Series[], months: readonly string[], order: readonly string[], yLabel: string, label: string, percent = false): string {
  const plot = Plot.plot({
    ...common(months),
    y: { grid: true, label: yLabel, zero: true, ...(percent ? { domain: [0, 100] } : {}) },
    color: { domain: order as string[], range: PALETTE, legend: false },
    marks: [
      Plot.line(data as Series[], { x: 'month', y: 'value', stroke: 'series', strokeWidth: 2, marker: 'circle' }),
      Plot.ruleY([0]),
    ],
  });
  return serialise(plot, label);
}

/** Severity colours: most severe darkest red, unassessed grey. */
export const SEVERITY_COLOURS = ['#8e1b1f', '#e0632a', '#e8b23a', '#4f8fd6', '#9aa3ad'];

/** The colour of each series, for the legend. */
export function legend(order: readonly string[], range = PALETTE): { name: string; colour: string }[] {
  return order.map((name, i) => ({ name, colour: range[i % range.length] }));
}
