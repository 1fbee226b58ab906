// The feed of the bundled examples, loaded as the site loads them.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publication } from '../core/publish/publication.ts';
import { listIncidentIds, readConfig } from '../node/repository.ts';
import { archiveIncident, loadChecked } from './archiveIncident.ts';
import { atomFeed } from './feed.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

const NOW = Date.parse('2026-11-20T18:00:00Z');

function example(id: string) {
  const config = readConfig(PROJECT_ROOT);
  const loaded = loadChecked(PROJECT_ROOT, id, config, NOW, new Set(listIncidentIds(PROJECT_ROOT)))!;
  return { loaded, facts: archiveIncident(publication(loaded.incident, loaded.findings, config), config, NOW, loaded.incident.entries) };
}

const updated = (feed: string, id: string) => new RegExp(`incidents/${id}/</id>[\\s\\S]*?<updated>([^<]+)</updated>`).exec(feed)![1];

describe('the Atom feed', () => {
  it('names the priority in force, as check does, and the opening one of a re-triaged incident', () => {
    const { facts } = example('2026-09-14-harbourlane-checkout-500');
    const feed = atomFeed([facts, example('2026-11-18-kestrel-rent-statement-arrears').facts], { title: 'T', root: '/', absolute: false, now: NOW });
    expect(feed).toContain('<category term="high" label="priority high, opened as urgent"/>');
    expect(feed).toMatch(/<category term="(\w+)" label="priority \1"\/>/);
  });

  it('dates an open incident by its latest published entry, not its opening', () => {
    const { loaded, facts } = example('2026-11-18-kestrel-rent-statement-arrears');
    expect(loaded.incident.status).not.toBe('closed');
    const latest = Math.max(...loaded.incident.entries.filter((e) => !e.internal).map((e) => e.at));
    expect(latest).toBeGreaterThan(loaded.incident.openedAt);
    const feed = atomFeed([facts], { title: 'T', root: '/', absolute: false, now: NOW });
    expect(updated(feed, facts.id)).toBe(new Date(latest).toISOString());
    expect(feed).toContain(`<published>${new Date(loaded.incident.openedAt).toISOString()}</published>`);
  });

  it('never dates an update by an internal entry, and lists the most recently updated first', () => {
    const { loaded, facts } = example('2026-11-09-meridian-eta-emails-wrong-timezone');
    const internal = loaded.incident.entries.filter((e) => e.internal).map((e) => e.at);
    const published = Math.max(...loaded.incident.entries.filter((e) => !e.internal).map((e) => e.at), loaded.incident.resolvedAt ?? 0);
    expect(facts.updatedAt).toBe(published);
    for (const at of internal) if (at > published) expect(facts.updatedAt).not.toBe(at);
    const other = example('2026-11-18-kestrel-rent-statement-arrears').facts;
    const feed = atomFeed([facts, other], { title: 'T', root: 'https://x.example/', absolute: true, now: NOW });
    const order = [...feed.matchAll(/<id>https:\/\/x\.example\/incidents\/([^/]+)\//g)].map((m) => m[1]);
    expect(order).toEqual([facts, other].sort((a, b) => b.updatedAt - a.updatedAt).map((f) => f.id));
    expect(/<feed[^]*?<updated>([^<]+)</.exec(feed)![1]).toBe(new Date(Math.max(facts.updatedAt, other.updatedAt)).toISOString());
  });
});
