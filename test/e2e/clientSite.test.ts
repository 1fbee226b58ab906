// The per-client site of issue 13: the example repository (plus the hostile "Test Client"
// incident, and a Harbour Lane incident planted with a related link to a Meridian one) built
// by `commlog site build --client "Harbour Lane Retail"`; every output file, Pagefind's
// compressed index included, is searched for every other client's name, incident ids, titles
// and quotes.
import matter from 'gray-matter';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { launchBrowser, NO_CHROMIUM } from './browser.ts';
import { buildEnvironment, HOSTILE_ID, prepareRepository, PROJECT } from './buildSite.ts';
import { serveStatic } from './staticServer.ts';

const CLIENT = 'Harbour Lane Retail';
const PLANTED_IN = '2026-10-27-harbourlane-payment-timeouts';
const OTHER_CLIENTS_INCIDENT = '2026-11-09-meridian-eta-emails-wrong-timezone';

let root: string;
let dist: string;
let log = '';

beforeAll(async () => {
  root = prepareRepository();
  const incident = join(root, 'incidents', PLANTED_IN, 'incident.md');
  writeFileSync(incident, readFileSync(incident, 'utf8').replace(/^related: \[(.*)\]$/m, `related: [$1, ${OTHER_CLIENTS_INCIDENT}]`));
  dist = join(root, 'harbour-site');
  const write = (text: string) => (log += text);
  const code = await main(['site', 'build', '--client', CLIENT.toLowerCase(), '--out', dist], { stdout: { write }, stderr: { write }, env: buildEnvironment(root), cwd: PROJECT });
  if (code !== 0) throw new Error(`commlog site build failed (${code}):\n${log}`);
}, 240_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every output file as text; Pagefind's compressed index files decompressed. */
function outputTexts(): { path: string; text: string }[] {
  return filesUnder(dist).map((path) => {
    const bytes = readFileSync(path);
    return { path, text: (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8') };
  });
}

interface SourceIncident {
  id: string;
  client: string;
  /** Every text of the incident that names it: id, title, quotes, feedback, summaries. */
  traces: string[];
}

function sourceIncidents(): SourceIncident[] {
  const dir = join(root, 'incidents');
  return readdirSync(dir)
    .filter((id) => statSync(join(dir, id)).isDirectory())
    .map((id) => {
      const { data } = matter(readFileSync(join(dir, id, 'incident.md'), 'utf8'));
      const traces = [id, String(data.title)];
      const logDir = join(dir, id, 'log');
      for (const file of statSync(logDir, { throwIfNoEntry: false }) ? readdirSync(logDir) : []) {
        const entry = matter(readFileSync(join(logDir, file), 'utf8')).data;
        for (const text of [entry.verbatim, entry.feedback?.comment, entry.summary]) if (typeof text === 'string' && text.length > 12) traces.push(text);
      }
      return { id, client: String(data.client), traces };
    });
}

describe(`the site of ${CLIENT} alone`, () => {
  it('holds its public incidents and nothing of another client, search index and exports included', () => {
    const incidents = sourceIncidents();
    const others = incidents.filter((i) => i.client !== CLIENT);
    expect(new Set(others.map((i) => i.client))).toEqual(new Set(['Kestrel Housing Association', 'Meridian Freight', 'Test Client']));
    const forbidden = [...new Set([...others.flatMap((i) => [i.client, ...i.traces]), 'Kestrel', 'Meridian', HOSTILE_ID])];
    expect(forbidden.length).toBeGreaterThan(40);
    const texts = outputTexts();
    expect(texts.some((t) => t.path.includes('pagefind'))).toBe(true);
    for (const { path, text } of texts) {
      const lower = text.toLowerCase();
      for (const f of forbidden) expect(lower.includes(f.toLowerCase()), `${JSON.stringify(f)} in ${path}`).toBe(false);
    }
  });

  it('publishes every public incident of the client, in the pages, the JSON and the feed', () => {
    const own = sourceIncidents().filter((i) => i.client === CLIENT).map((i) => i.id).sort();
    expect(own).toHaveLength(3);
    const json = JSON.parse(readFileSync(join(dist, 'incidents.json'), 'utf8')) as { incidents: { id: string; client: string; related: string[] }[] };
    expect(json.incidents.map((i) => i.id).sort()).toEqual(own);
    expect(new Set(json.incidents.map((i) => i.client))).toEqual(new Set([CLIENT]));
    expect(json.incidents.find((i) => i.id === PLANTED_IN)!.related).toEqual(['2026-09-14-harbourlane-checkout-500']);
    const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
    expect(feed.match(/<entry>/g)).toHaveLength(3);
    for (const id of own) expect(statSync(join(dist, 'incidents', id, 'index.html')).isFile()).toBe(true);
    expect(readdirSync(join(dist, 'clients')).filter((f) => f !== 'index.html')).toEqual(['harbour-lane-retail']);
  });

  it('keeps the related link to its own incident and drops the one to another client', () => {
    const page = readFileSync(join(dist, 'incidents', PLANTED_IN, 'index.html'), 'utf8');
    expect(page).toContain('incidents/2026-09-14-harbourlane-checkout-500/');
    expect(page).not.toContain(OTHER_CLIENTS_INCIDENT);
  });

  it('says on every page, printed too, when its figures were judged: the build\'s Now in the team\'s zone', () => {
    const pages = filesUnder(dist).filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) expect(readFileSync(p, 'utf8'), p).toContain('Figures as of <time datetime="2026-11-20T18:00:00.000Z">2026-11-20 18:00 GMT</time>');
  });

  it('counts the related payment timeouts as a repeat of the checkout problem, and links every prevention action', () => {
    const lessons = readFileSync(join(dist, 'lessons', 'index.html'), 'utf8');
    expect(lessons).toMatch(/<span class="value">1<\/span><span class="label">repeat of the same client(?:'|&#39;)s problem within 90 days/);
    expect(lessons).toContain('href="/lessons/actions/"');
    expect(statSync(join(dist, 'lessons', 'actions', 'index.html')).isFile()).toBe(true);
  });

  it('is a public site: the promise ledger in the client\'s words, no rule id and no instruction to the team', () => {
    const pages = outputTexts().filter((t) => t.path.endsWith('.html'));
    const incident = readFileSync(join(dist, 'incidents', PLANTED_IN, 'index.html'), 'utf8');
    expect(incident).toContain('Promises to the client');
    expect(incident).toMatch(/class="outcome outcome-(late|missed)"/);
    for (const { path, text } of pages) {
      expect(text, path).not.toMatch(/Internal archive|class="internal-only"|class="rule-id"|send one now|log an entry/);
      expect(text, path).not.toMatch(/>(next-update-late|max-gap|window|weekly|ack|cc-pm|next-update-missing|commitment-overdue)</);
    }
    // The compliance note on the trends page, in words: no list of rule ids, no tool.
    const trends = readFileSync(join(dist, 'trends', 'index.html'), 'utf8');
    expect(trends).toContain('Compliance is the share of the communication we owe');
    expect(trends).not.toMatch(/max-gap|next-update-late|commitment-overdue|commlog check/);
    // The upkeep of the team's contact descriptions is the team's: not on the client's lessons page.
    const lessons = readFileSync(join(dist, 'lessons', 'index.html'), 'utf8');
    expect(lessons).not.toMatch(/Contact descriptions|candidates to retire|commlog categories|internal incidents/);
  });

  it('has no link to the team repository', () => {
    expect(log).toContain(`a client site: the public incidents of "${CLIENT.toLowerCase()}" only`);
    for (const { path, text } of outputTexts()) expect(text.includes('github.com/fieldstone'), path).toBe(false);
  });
});

describe('commlog site build', () => {
  it('refuses a client no incident has, naming it', async () => {
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, env: buildEnvironment(root), cwd: PROJECT };
    const code = await main(['site', 'build', '--client', 'Harbor Lane Retail', '--out', join(root, 'misspelt')], io);
    expect(code).not.toBe(0);
    expect(err).toContain('client site "Harbor Lane Retail": no incident');
  }, 120_000);
});

describe.skipIf(NO_CHROMIUM)('the trends charts in Chromium', () => {
  it('fit their container with text of at least 10 px at 390 and 1280 px, light and dark', async () => {
    const server = await serveStatic(dist, '/');
    const browser = await launchBrowser();
    const shots = join(PROJECT, 'test-results', 'e2e');
    mkdirSync(shots, { recursive: true });
    try {
      for (const width of [390, 1280]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
          const page = await context.newPage();
          await page.goto(`${server.url}trends/`);
          const charts = await page.$$eval('figure.chart', (figures) =>
            figures.map((f) => {
              const shown = [...f.querySelectorAll('svg')].filter((s) => getComputedStyle(s).display !== 'none');
              const svg = shown[0];
              if (!svg) return { shown: 0, overflow: false, smallest: Infinity, empty: f.querySelector('.chart-empty') !== null };
              const scale = svg.getScreenCTM()!.a;
              const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
              return { shown: shown.length, overflow: svg.getBoundingClientRect().width > f.getBoundingClientRect().width + 1, smallest: Math.min(...sizes), empty: false };
            }),
          );
          expect(charts.length).toBe(7);
          for (const c of charts.filter((c) => !c.empty)) {
            expect(c.shown).toBe(1);
            expect(c.overflow).toBe(false);
            expect(c.smallest, `chart text at ${width} px`).toBeGreaterThanOrEqual(10);
          }
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          await page.screenshot({ path: join(shots, `trends-${width}-${colorScheme}.png`), fullPage: true });
          await context.close();
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});

