// The "Log a contact" page (issue 16) in headless Chromium against the built site: the file it
// writes passes `commlog check` with the next update `commlog new entry` proposes at the same
// instant; invalid input shows check's message next to its field; axe finds nothing at desktop
// and phone widths; the draft survives a reload; nothing leaves for another origin.
import AxeBuilder from '@axe-core/playwright';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commlog } from '../../src/cli/commands/writingTestKit.ts';
import { MAX_NEW_FILE_URL_LENGTH } from '../../src/github/logEntryLink.ts';
import { launchBrowser, NO_CHROMIUM } from './browser.ts';
import { BASE, buildSite, prepareRepository, PROJECT, REPOSITORY, type BuiltSite } from './buildSite.ts';
import { serveStatic, type RunningServer } from './staticServer.ts';

const SHOTS = join(PROJECT, 'test-results', 'e2e');
const OPEN_ID = '2026-11-18-kestrel-rent-statement-arrears';
/** Friday 20 November 2026, 17:07 in London (GMT), after the incident's last entry: the clock of every page. */
const INSTANT = '2026-11-20T17:07:00Z';
const SUMMARY = 'Explained the fix: statements re-issued tomorrow — "café" & #212';

let site: BuiltSite;
let server: RunningServer;
let browser: Browser;
const scratch: string[] = [];

beforeAll(async () => {
  site = buildSite(prepareRepository());
  server = await serveStatic(site.dist, BASE);
  if (!NO_CHROMIUM) browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [site?.root, ...scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the site's repository to write into. */
function repositoryCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'commlog-logform-'));
  scratch.push(root);
  cpSync(join(site.root, 'incidents'), join(root, 'incidents'), { recursive: true });
  cpSync(join(site.root, 'commlog.config.yaml'), join(root, 'commlog.config.yaml'));
  return root;
}

interface Opened {
  page: Page;
  requests: { method: string; url: string }[];
  violations: string[];
}

async function openForm(query = `?incident=${OPEN_ID}`, width = 1280, page?: Page): Promise<Opened> {
  const p = page ?? (await (await browser.newContext({ viewport: { width, height: 900 } })).newPage());
  const opened: Opened = { page: p, requests: [], violations: [] };
  p.on('request', (r) => opened.requests.push({ method: r.method(), url: r.url() }));
  p.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) opened.violations.push(m.text());
  });
  p.on('pageerror', (e) => opened.violations.push(e.message));
  if (!page) await p.clock.setFixedTime(new Date(INSTANT));
  await p.goto(`${server.url}log/${query}`);
  if (query) await p.locator('#incident-about').filter({ hasText: 'Times are in' }).waitFor();
  return opened;
}

async function fillValid(page: Page): Promise<void> {
  await page.fill('#contact', 'Marcus Bell');
  await page.fill('#summary', SUMMARY);
  await page.fill('#body', 'Line one.\n\nLine two with 日本 and 100% + more.');
  await page.click('#add-commitment');
  await page.fill('#commitment-0-action', 'Re-issue the 212 statements');
  await page.fill('#commitment-0-due', '2026-11-23T12:00');
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

it('is linked from the navigation and from each open incident page, with the incident preselected', () => {
  const home = readFileSync(join(site.dist, 'index.html'), 'utf8');
  expect(home).toContain(`<a href="${BASE}log/"`);
  const incident = readFileSync(join(site.dist, 'incidents', OPEN_ID, 'index.html'), 'utf8');
  expect(incident).toContain(`href="${BASE}log/?incident=${OPEN_ID}"`);
  const closed = readFileSync(join(site.dist, 'incidents', '2026-04-21-kestrel-portal-sso-loop', 'index.html'), 'utf8');
  expect(closed).not.toContain('log/?incident=');
});

it('loads its script on its own page only', () => {
  const log = readFileSync(join(site.dist, 'log', 'index.html'), 'utf8');
  const script = /<script type="module" src="([^"]+)"/.exec(log)![1];
  const name = script.slice(script.lastIndexOf('/') + 1);
  for (const page of ['index.html', `incidents/${OPEN_ID}/index.html`, 'trends/index.html']) {
    expect(readFileSync(join(site.dist, page), 'utf8')).not.toContain(name);
  }
});

describe.skipIf(NO_CHROMIUM)('the form in Chromium', () => {
  it('writes a file that commlog check accepts, with the next update commlog new entry proposes', async () => {
    const { page, requests, violations } = await openForm();
    await fillValid(page);
    // The project manager's address is not published: the hint asks for it, as a person would add it.
    expect(await page.locator('#cc-pm').textContent()).toBe('The project manager, Priya Natarajan, is copied on this channel: add their address (it is not published on this site).');
    await page.fill('#cc', 'Priya Natarajan <priya.natarajan@fieldstone.example>');
    const path = await page.locator('#file-path').textContent();
    const text = (await page.locator('#preview').textContent())!;
    expect(path).toBe(`incidents/${OPEN_ID}/log/2026-11-20T1707-email-out.md`);
    expect(text).toMatch(/^---\nat: 2026-11-20T17:07\n/);
    await page.screenshot({ path: join(SHOTS, 'log-form-1280.png'), fullPage: true });

    const root = repositoryCopy();
    mkdirSync(dirname(join(root, path!)), { recursive: true });
    writeFileSync(join(root, path!), text);
    const check = await commlog(['check', OPEN_ID, '--root', root, '--format', 'json', '--now', '2026-11-20T17:08'], root);
    const findings = (JSON.parse(check.stdout) as { findings: { rule: string; file: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.rule === 'schema')).toEqual([]);
    expect(findings.filter((f) => f.file === path)).toEqual([]);

    const cliRoot = repositoryCopy();
    const cli = await commlog(['new', 'entry', OPEN_ID, '--root', cliRoot, '--now', '2026-11-20T17:07', '--direction', 'outbound', '--channel', 'email', '--contact', 'Marcus Bell', '--summary', SUMMARY], cliRoot);
    expect(cli.code).toBe(0);
    const proposed = /^next_update_by: (.*)$/m.exec(readFileSync(join(cliRoot, cli.stdout.trim()), 'utf8'))![1];
    expect(/^next_update_by: (.*)$/m.exec(text)![1]).toBe(proposed);
    expect(await page.locator('#next-update-by').inputValue()).toBe(proposed);

    const href = (await page.locator('#create').getAttribute('href'))!;
    expect(href.startsWith(`${REPOSITORY}/new/main?filename=${path}&value=`)).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf('&value=') + 7))).toBe(text);

    // Only this site's own files were asked for, and only read.
    const origin = new URL(server.url).origin;
    expect(requests.filter((r) => new URL(r.url).origin !== origin || r.method !== 'GET')).toEqual([]);
    expect(requests.some((r) => r.url.endsWith(`log/${OPEN_ID}.json`))).toBe(true);
    expect(violations).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("shows the schema's message next to the field, and the problems in a live region", async () => {
    const { page } = await openForm();
    await fillValid(page);
    await page.fill('#summary', 'x'.repeat(301));
    const error = page.locator('#summary-error');
    await expect.poll(() => error.textContent()).toBe('Field "summary" is invalid: summary is one line of at most 300 characters');
    expect(await page.locator('#summary').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#summary').getAttribute('aria-describedby')).toContain('summary-error');
    expect(await page.locator('#form-summary').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#form-summary').textContent()).toContain('1 problem to fix');
    expect(await page.locator('#create').getAttribute('href')).toBeNull();

    await page.fill('#summary', SUMMARY);
    await page.fill('#contact', '');
    await expect.poll(() => page.locator('#contact-error').textContent()).toMatch(/^Missing field "contact": an outbound entry names who we dealt with/);
    await page.fill('#contact', 'Marcus Bell');
    await page.fill('#cc', 'ops at kestrel');
    await expect.poll(() => page.locator('#cc-error').textContent()).toBe('Field "cc[0]" ("ops at kestrel") is not an e-mail address: write address@example.com or Name <address@example.com>');

    // Untouched empty fields are flagged once the person tries to use the file.
    await page.fill('#cc', '');
    await page.fill('#author', '');
    await page.click('#download');
    await expect.poll(() => page.locator('#author-error').textContent()).toBe('Missing field "author": add the staff member who logged it');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#author');
    await page.context().close();
  }, 60_000);

  it.each([1280, 390])('has no axe violation at %i px, with problems shown and a commitment row', async (width) => {
    const { page } = await openForm(`?incident=${OPEN_ID}`, width);
    expect(await axeViolations(page)).toEqual([]);
    await fillValid(page);
    await page.fill('#summary', '');
    await page.click('#copy');
    await page.locator('#form-summary li').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SHOTS, `log-form-problems-${width}.png`), fullPage: true });
    await page.context().close();
  }, 90_000);

  it('can be filled with the keyboard alone', async () => {
    const { page } = await openForm('');
    await page.locator('#incident').waitFor();
    await page.focus('#incident');
    await page.keyboard.type(OPEN_ID);
    await page.locator('#incident-about').filter({ hasText: 'Kestrel' }).waitFor();
    // A date and time input takes one Tab per part (day, month, year, hour, minute).
    const order: string[] = [];
    for (let i = 0; i < 30 && order.length < 8; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (order.at(-1) !== id) order.push(id);
    }
    expect(order).toEqual(['at', 'direction', 'channel', 'kind', 'contact', 'author', 'summary', 'body']);
    await page.context().close();
  }, 60_000);

  it('keeps a draft across a reload, and clears it once the file is downloaded', async () => {
    const { page } = await openForm();
    await fillValid(page);
    await page.check('#awaiting');
    await page.reload();
    await page.locator('#incident-about').filter({ hasText: 'Times are in' }).waitFor();
    expect(await page.locator('#summary').inputValue()).toBe(SUMMARY);
    expect(await page.locator('#commitment-0-action').inputValue()).toBe('Re-issue the 212 statements');
    expect(await page.locator('#awaiting').isChecked()).toBe(true);
    const download = page.waitForEvent('download');
    await page.click('#download');
    expect((await download).suggestedFilename()).toBe('2026-11-20T1707-email-out.md');
    await page.reload();
    await page.locator('#incident-about').filter({ hasText: 'Times are in' }).waitFor();
    expect(await page.locator('#summary').inputValue()).toBe('');
    await page.context().close();
  }, 60_000);

  it(`falls back to Copy, saying why, when the link would pass ${MAX_NEW_FILE_URL_LENGTH} characters`, async () => {
    const { page } = await openForm();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await fillValid(page);
    await page.fill('#body', 'A long account of the call. '.repeat(300));
    await expect.poll(() => page.locator('#too-long').isVisible()).toBe(true);
    expect(await page.locator('#too-long').textContent()).toMatch(/would make a link of \d+ characters, longer than the 8000 GitHub reliably accepts\. Copy it instead/);
    expect(await page.locator('#create').getAttribute('href')).toBeNull();
    expect(await page.locator('#create').getAttribute('aria-disabled')).toBe('true');
    await page.click('#copy');
    await expect.poll(() => page.locator('#action-status').textContent()).toMatch(/^Copied\./);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#preview').textContent());
    await page.context().close();
  }, 60_000);
});
