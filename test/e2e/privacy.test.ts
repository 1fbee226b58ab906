// The privacy test of issue 9: a small repository with contact details planted in every field
// (e-mail addresses and phone numbers in every form the issue lists), internal-only text, and
// every way of mistyping `visibility`; the site is built, and every output file, Pagefind's
// compressed index included, is searched for any of it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from './buildSite.ts';

// Every planted e-mail address has this in its local part; every internal text has INTERNAL.
const MARK = 'plantedqx';
const INTERNAL = 'internalsecretqx';
// What identifies each planted phone number in any output (digits as written, or run together).
const PHONE_TRACES = ['900123', '900124', '910220', '7946 0000', '79460000', '23 45 67 89', '33123456789', '555-0199', '5550199'];

const FILES: Record<string, string> = {
  'commlog.config.yaml': `timezone: Europe/London
publish:
  contact_details: false
site:
  title: Privacy test archive
  repository: https://github.com/acme/privacy-log
`,
  'incidents/2026-11-02-planted/incident.md': `---
title: "Checkout down for ana.${MARK}@client.example \u202Egnp.exe"
client: "Client ${MARK}@client.example"
opened_at: 2026-11-02T09:00
reporter: { name: "Ana Silva <reporter.${MARK}@client.example>", email: email.${MARK}@client.example, phone: "07700 900123", org: Acme }
priority: high
status: closed
resolved_at: 2026-11-03T16:00
pm: { name: Pat Manager, email: pm.${MARK}@us.example, phone: "+447700900123" }
owner: owner.${MARK}@us.example
backup: "Tel:020 7946 0000"
category: "call 1-800-555-0199"
tags: [tag.${MARK}@client.example, "mob: 07700-910220", ok-tag]
---

Reported by idn.${MARK}@bücher.example, root.${MARK}@localhost and lit.${MARK}@[192.0.2.44];
call 07700900123 or +33 1 23 45 67 89. Written as a reference: ent.${MARK}&#64;client.example.

<img alt="alt.${MARK}@client.example" title="+33 1 23 45 67 89" src="https://tracker.example/p.gif?e=src.${MARK}@client.example">
<abbr title="title.${MARK}@client.example">Ana</abbr>

![pixel](https://tracker.example/pixel.png?u=1) and [the CRM card](https://crm.example/call?phone=07700900124).
`,
  'incidents/2026-11-02-planted/log/2026-11-02T0900-phone-in.md': `---
at: 2026-11-02T09:00
direction: inbound
channel: phone
contact: "Ana Silva <contact.${MARK}@client.example>"
author: author.${MARK}@us.example
summary: "Ana called from 07700 900123: checkout fails"
verbatim: "Call me back on +447700900123 or mail ana.${MARK}@client.example"
---
`,
  'incidents/2026-11-02-planted/log/2026-11-02T0910-call-07700900123.md': `---
at: 2026-11-02T09:10
direction: outbound
channel: email
contact: plain.${MARK}@client.example
author: sam
summary: "Acknowledged; see https://crm.example/call?phone=07700900124"
cc: [cc.${MARK}@client.example]
next_update_by: 2026-11-02T11:00
category: "mail cat.${MARK}@client.example"
commitments:
  - { id: send-logs, action: "Send the logs to action.${MARK}@client.example", owner: "cowner.${MARK}@client.example", due: 2026-11-02T10:00 }
---

Body mail body.${MARK}@client.example, phone mob: 07700-910220.
`,
  'incidents/2026-11-02-planted/log/2026-11-02T0930-note.md': `---
at: 2026-11-02T09:30
direction: internal
channel: chat
author: sam
summary: "${INTERNAL}: Bob pasted the key in the public channel"
visibility: internal
commitments:
  - { id: rotate-key, action: "Rotate the ${INTERNAL} Stripe key", due: 2026-11-02T10:00 }
---

${INTERNAL} body.
`,
  'incidents/2026-11-02-planted/log/2026-11-02T0940-misspelt.md': `---
at: 2026-11-02T09:40
direction: internal
channel: chat
author: sam
summary: "${INTERNAL} misspelt"
visiblity: internal
---
`,
  'incidents/2026-11-02-planted/log/2026-11-02T0941-capitalised.md': `---
at: 2026-11-02T09:41
direction: internal
channel: chat
author: sam
summary: "${INTERNAL} capitalised"
Visibility: internal
---
`,
  'incidents/2026-11-02-planted/log/2026-11-02T0942-merge-key.md': `---
at: 2026-11-02T09:42
direction: internal
channel: chat
author: sam
summary: "${INTERNAL} merge key"
<<: { visibility: internal }
---
`,
  'incidents/2026-11-02-planted/log/2026-11-02T1100-email-out.md': `---
at: 2026-11-02T11:00
direction: outbound
channel: email
contact: { name: Ana Silva, email: obj.${MARK}@client.example, phone: "+1 (415) 555-0132" }
author: sam
summary: Fix deployed
cc: [pm.${MARK}@us.example]
next_update_by: 2026-11-03T16:00
corrects: 2026-11-02T0910-call-07700900123.md
feedback: { rating: 4, comment: "Thanks, reach me on 07700 900123" }
---
`,
  'incidents/2026-11-02-planted/log/2026-11-03T1600-email-out.md': `---
at: 2026-11-03T16:00
direction: outbound
channel: email
kind: resolution
contact: { name: Ana Silva }
author: sam
summary: Resolved
cc: [pm.${MARK}@us.example]
done: [send-logs]
---
`,
  'incidents/2026-11-02-planted/report.md': `---
root_cause_category: "rc.${MARK}@client.example"
tags: ["+33 1 23 45 67 89"]
---

# Date of incident
2 November 2026

# Reporter
Ana Silva (reporter.${MARK}@client.example)

# Severity
high

# Timeline of response
09:00 call from 07700 900123

# Exposure / impacts
Checkout.

# Suspected root cause
The gateway key, ask root.${MARK}@client.example.

# Resolution of issue
Rotated.

# Mitigation steps / prevention in future
- [ ] Call 1-800-555-0199 to confirm with task.${MARK}@client.example
`,
  'incidents/2026-11-04-internal/incident.md': `---
title: "${INTERNAL} incident"
client: Acme
opened_at: 2026-11-04T09:00
reporter: { name: Ana Silva }
priority: low
status: open
pm: { name: Pat Manager, email: pat@us.example }
visibility: internal
---
`,
  'incidents/2026-11-05-misspelt/incident.md': `---
title: "${INTERNAL} misspelt incident"
client: Acme
opened_at: 2026-11-05T09:00
reporter: { name: Ana Silva }
priority: low
status: open
pm: { name: Pat Manager, email: pat@us.example }
visiblity: internal
---
`,
};

let site: BuiltSite;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A file's text: Pagefind's gzipped index and fragments decompressed. */
function textOf(path: string): string {
  const bytes = readFileSync(path);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** The text with the encodings an address may hide behind decoded (references, URL escapes). */
function decoded(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/%([0-9a-f]{2})/gi, (_, n) => String.fromCharCode(parseInt(n, 16)));
}

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'commlog-privacy-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  site = buildSite(root);
}, 900_000);

afterAll(() => {
  if (site) rmSync(site.root, { recursive: true, force: true });
});

describe('the built site publishes no planted detail (issue 9)', () => {
  it('searches every output file, the search index included', () => {
    const files = filesUnder(site.dist);
    expect(files.some((f) => f.includes('pagefind') && f.includes('fragment'))).toBe(true);
    const leaks: string[] = [];
    for (const file of files) {
      const text = decoded(textOf(file));
      const where = relative(site.dist, file);
      for (const trace of [MARK, INTERNAL, 'Stripe', 'rotate-key', 'Bob pasted', ...PHONE_TRACES]) {
        if (text.toLowerCase().includes(trace.toLowerCase())) leaks.push(`${where}: ${trace}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('still publishes the incident, its public entries and its report', () => {
    const page = readFileSync(join(site.dist, 'incidents/2026-11-02-planted/index.html'), 'utf8');
    expect(page).toContain('Fix deployed');
    expect(page).toContain('Ana Silva');
    expect(page).toContain('[e-mail withheld]');
    expect(page).toContain('[phone withheld]');
    expect(page).toContain('Rotated.');
    expect(page).toContain('[U+202E]gnp.exe');
  });

  it("leads search results only to what the page shows: each anchor in the index is an id on the incident's page, no internal entry's", () => {
    const page = readFileSync(join(site.dist, 'incidents/2026-11-02-planted/index.html'), 'utf8');
    const pageIds = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1].replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))));
    const entryIds = [...page.matchAll(/<li class="(?:inbound|outbound|internal)" id="([^"]+)"/g)].map((m) => m[1]);
    const fragments = filesUnder(site.dist)
      .filter((f) => /pagefind[^/]*\/fragment\//.test(f))
      .map((f) => JSON.parse(textOf(f).replace(/^pagefind_dcd/, '')) as { url: string; anchors: { id: string; title?: string }[] });
    expect(fragments.map((f) => f.url)).toEqual(['/incidents/2026-11-02-planted/']);
    const anchors = fragments[0].anchors.map((a) => a.id);
    expect(anchors.filter((id) => !pageIds.has(id))).toEqual([]);
    // Every published entry, and only those: the internal note's permalink is nowhere.
    expect(anchors.filter((id) => id.startsWith('entry-'))).toEqual(entryIds);
    expect(anchors).not.toContain('entry-2026-11-02T0930-note');
    // The entry whose file name holds a phone number is there under its published name.
    expect(anchors).toContain('entry-2026-11-02T0910-call-[phone-withheld]');
  });

  it('withholds the internal incident and the one whose visibility is misspelt', () => {
    const files = filesUnder(site.dist).map((f) => relative(site.dist, f));
    expect(files.filter((f) => /2026-11-0[45]/.test(f))).toEqual([]);
  });

  it('loads nothing from elsewhere: no remote image, a Content-Security-Policy on every page', () => {
    for (const file of filesUnder(site.dist).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toMatch(/<img[^>]+src="(?:https?:)?\/\//i);
      expect(html, file).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*img-src 'self'/i);
    }
  });
});
