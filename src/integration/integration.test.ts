import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { logFormSettings } from '../site/logForm/settings.ts';
import { routesUnder } from './index.ts';
import { colourCss, parseOptions } from './options.ts';

describe('routesUnder', () => {
  it('gives each page the pattern of Astro file routing, and skips declarations and tests', () => {
    const dir = mkdtempSync(join(tmpdir(), 'commlog-routes-'));
    try {
      for (const f of ['[...page].astro', 'trends.astro', 'feed.xml.js', 'feed.xml.d.ts', 'lessons/index.astro', 'clients/[client].astro', 'x.test.ts', 'style.css']) {
        mkdirSync(join(dir, f, '..'), { recursive: true });
        writeFileSync(join(dir, f), '');
      }
      expect(routesUnder(dir).map((r) => [r.pattern, r.entrypoint.slice(dir.length + 1)])).toEqual([
        ['/[...page]', '[...page].astro'],
        ['/clients/[client]', 'clients/[client].astro'],
        ['/feed.xml', 'feed.xml.js'],
        ['/lessons', 'lessons/index.astro'],
        ['/trends', 'trends.astro'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("injects this package's pages: archive, incident, trends, lessons, clients, feed, JSON", () => {
    const patterns = routesUnder().map((r) => r.pattern);
    for (const p of ['/[...page]', '/incidents/[id]', '/trends', '/lessons', '/clients', '/clients/[client]', '/feed.xml', '/incidents.json']) expect(patterns).toContain(p);
  });
});

describe('options', () => {
  it('accepts title, logo, colours and footer', () => {
    const options = parseOptions({ title: 'Acme status', logo: { src: 'logo.svg', alt: 'Acme' }, colours: { accent: '#0a7f5a' }, darkColours: { accent: 'oklch(80% 0.1 160)' }, footer: { text: '© Acme', links: [{ label: 'Support', href: 'https://acme.example/support' }] } });
    expect(options.title).toBe('Acme status');
    expect(colourCss(options)).toBe(':root:root{--accent:#0a7f5a}\n@media (prefers-color-scheme: dark){:root:root{--accent:oklch(80% 0.1 160)}}');
  });

  it('names every bad key, and refuses what could break out of CSS or a link', () => {
    expect(() => parseOptions({ titel: 'x', colours: { accent: 'red;} body{display:none' }, footer: { links: [{ label: 'x', href: 'javascript:alert(1)' }] } })).toThrow(
      /colours\.accent: a CSS colour.*footer\.links\.0\.href: an http\(s\) URL.*titel: unknown option \(options: title, logo, colours, darkColours, client, audience, footer, logForm\)/,
    );
    expect(() => parseOptions({ colours: { background: '#fff' } })).toThrow(/colours\.background/);
  });

  it('turns the Log a contact page on with site.repository, off with logForm: false or on a client site', () => {
    const site = (repository?: string) => ({ site: { title: 't', base: '/', repository, clients: [] } });
    const repo = 'https://github.com/acme/log/';
    expect(logFormSettings(site(repo), parseOptions({}))).toEqual({ repository: 'https://github.com/acme/log', branch: 'main' });
    expect(logFormSettings(site(repo), parseOptions({ logForm: { branch: 'support/log' } }))).toEqual({ repository: 'https://github.com/acme/log', branch: 'support/log' });
    expect(logFormSettings(site(), parseOptions({}))).toBeUndefined();
    expect(logFormSettings(site(repo), parseOptions({ logForm: false }))).toBeUndefined();
    expect(logFormSettings(site(repo), parseOptions({ client: 'Acme' }))).toBeUndefined();
    expect(() => parseOptions({ logForm: { branch: 'a b' } })).toThrow(/logForm\.branch: a git branch name/);
    expect(() => parseOptions({ logForm: true })).toThrow(/logForm/);
  });

  it('injects the log page and its contexts from their own folder only', () => {
    expect(routesUnder().map((r) => r.pattern).filter((p) => p.startsWith('/log'))).toEqual([]);
    expect(routesUnder(fileURLToPath(new URL('./logRoutes/', import.meta.url))).map((r) => r.pattern)).toEqual(['/log/[id].json', '/log']);
  });

  it('sets no CSS without colours', () => {
    expect(colourCss(parseOptions(undefined))).toBe('');
  });
});
