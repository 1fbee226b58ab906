// Colours live in site.css as custom properties; components, pages and chart code name them
// (`var(--chart-1)`, `.swatch-bad`) and never hold a colour of their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legend, SEVERITY_COLOURS, stackedBars } from './charts.ts';

const SRC = join(import.meta.dirname, '..');
const COLOUR = /#[0-9a-f]{3,8}\b(?![-\w])|\b(?:rgb|rgba|hsl|hsla)\(/gi;
const sources = ['site', 'components', 'integration', 'layouts']
  .flatMap((dir) => readdirSync(join(SRC, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(SRC, dir, f)))
  .filter((f) => /\.(ts|astro)$/.test(f) && !f.endsWith('.test.ts'))
  // The integration's options read a team's own colours (which become custom properties).
  .filter((f) => !f.endsWith(join('integration', 'options.ts')))
  // The favicon is an image, served as a file: its colours are its own, not the theme's.
  .filter((f) => !f.endsWith(join('site', 'favicon.ts')));

describe('site colours', () => {
  it.each(sources.map((f) => [relative(SRC, f), f]))('%s holds no colour value', (_name, path) => {
    const text = readFileSync(path, 'utf8').replace(/&#\d+;|&#x[0-9a-f]+;/gi, '');
    expect(text.match(COLOUR) ?? []).toEqual([]);
  });

  it('draws charts with the custom properties that site.css defines, and has a swatch class for each', () => {
    const css = readFileSync(join(SRC, 'styles/site.css'), 'utf8');
    const svg = stackedBars([{ month: '2026-11', series: 'high', value: 2 }], ['2026-11'], ['critical', 'high'], 'incidents', 'test', SEVERITY_COLOURS.slice(0, 2));
    const used = [...svg.matchAll(/var\(--([\w-]+)\)/g)].map((m) => m[1]);
    expect(used).toContain('sev-high');
    for (const name of used) expect(css).toMatch(new RegExp(`--${name}:`));
    for (const { swatch } of [...legend(['a', 'b', 'c']), ...legend(['x'], SEVERITY_COLOURS)]) expect(css).toContain(`.${swatch} {`);
  });
});
