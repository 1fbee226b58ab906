// The trends page's median logging delay (issue 15) on the bundled examples committed as the log
// was kept (each entry ten minutes after its contact, the phone call of Thursday 11 June on
// Monday 15 June): the team's archive over every published entry, a client's site over that
// client's alone. The expected figures come from the commit dates this test chose and the
// entries the loader reads, not from the site's code.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../src/core/metrics/months.ts';
import { median } from '../../src/core/metrics/stats.ts';
import { formatDuration } from '../../src/core/present/duration.ts';
import { listIncidentIds, readConfig } from '../../src/node/repository.ts';
import { loadChecked } from '../../src/site/archiveIncident.ts';
import { monthLabel, plural } from '../../src/site/format.ts';
import { commitAsLogged, LOGGED_AFTER } from '../support/commitAsLogged.ts';
import { astroBuild, NOW, prepareRepository } from './buildSite.ts';

const CLIENT = 'Kestrel Housing Association';
const LATE = 'incidents/2026-06-08-kestrel-repairs-booking-slow/log/2026-06-11T1610-phone-in.md';
const LATE_COMMIT = Date.parse('2026-06-15T09:30:00+01:00');

let root: string;

beforeAll(() => {
  root = prepareRepository();
  // This repository's config turns late-log off for the examples' one-commit import; this history is the log as kept.
  const config = join(root, 'commlog.config.yaml');
  const withLateLog = readFileSync(config, 'utf8').replace(/^rules:\n {2}late-log: off\n/m, '');
  expect(withLateLog).not.toBe(readFileSync(config, 'utf8'));
  writeFileSync(config, withLateLog);
  commitAsLogged(root, Date.parse(NOW), new Map([[LATE, LATE_COMMIT]]));
  astroBuild(root, join(root, 'archive'));
  astroBuild(root, join(root, 'kestrel'), { COMMLOG_CLIENT: CLIENT });
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Each published entry of the repository (of `client` only, when given): its month and delay. */
function publishedDelays(client?: string): { month: string; delay: number }[] {
  const config = readConfig(root);
  const ids = listIncidentIds(root);
  return ids.flatMap((id) => {
    const incident = loadChecked(root, id, config, Date.parse(NOW), new Set(ids))?.incident;
    if (!incident || incident.internal || (client !== undefined && incident.client.toLowerCase() !== client.toLowerCase())) return [];
    return incident.entries.filter((e) => !e.internal).map((e) => ({ month: monthOf(e.at, incident.zone), delay: e.file === LATE ? LATE_COMMIT - e.at : LOGGED_AFTER }));
  });
}

/** The page's text between tags, one space for any run of markup or whitespace. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();

function trends(site: string): { quality: string; months: string[][] } {
  const html = readFileSync(join(root, site, 'trends/index.html'), 'utf8');
  const qualityRow = /<tr><th scope="row">Median time from a contact to its entry in the log<\/th>(.*?)<\/tr>/.exec(html);
  const figure = /<figure[^>]*aria-labelledby="log-delay-title"[^>]*>(.*?)<\/figure>/s.exec(html)?.[1] ?? '';
  const body = /<tbody>(.*?)<\/tbody>/s.exec(figure)?.[1] ?? '';
  const months = [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((cell) => text(cell[1])));
  return { quality: qualityRow ? text(qualityRow[1]) : '', months };
}

function expected(delays: { month: string; delay: number }[]) {
  const months = [...new Set(delays.map((d) => d.month))].sort();
  const row = (of: number[]) => [formatDuration(median(of)!), `${of.length} of ${of.length}`];
  return {
    quality: `${formatDuration(median(delays.map((d) => d.delay))!)} ${delays.length} of ${plural(delays.length, 'entry', 'entries')}`,
    months: months.map((m) => [monthLabel(m), ...row(delays.filter((d) => d.month === m).map((d) => d.delay))]),
  };
}

describe('the median logging delay on the trends page', () => {
  it('covers every published entry of the team\'s archive, overall and by the month of the contact', () => {
    const delays = publishedDelays();
    expect(delays.length).toBeGreaterThan(100);
    const page = trends('archive');
    const want = expected(delays);
    expect(page.quality).toBe(want.quality);
    // Months without a contact (none in the examples' range) would read "—" and "0 of 0".
    expect(page.months.filter((r) => r[2] !== '0 of 0')).toEqual(want.months);
  });

  it('covers only the client\'s entries on a client\'s site, the late phone call among them', () => {
    const delays = publishedDelays(CLIENT);
    expect(delays.some((d) => d.delay > LOGGED_AFTER)).toBe(true);
    expect(delays.length).toBeLessThan(publishedDelays().length);
    const page = trends('kestrel');
    const want = expected(delays);
    expect(page.quality).toBe(want.quality);
    expect(page.months.filter((r) => r[2] !== '0 of 0')).toEqual(want.months);
  });
});
