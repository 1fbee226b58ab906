import { describe, expect, it } from 'vitest';
import { MAX_NEW_FILE_URL_LENGTH, newFileLink } from './logEntryLink.ts';

const base = { repositoryUrl: 'https://github.com/acme/support-log/', branch: 'main', path: 'incidents/2026-11-02-acme-checkout-500/log/2026-11-02T0905-email-out.md' };

/** The value GitHub's page receives: the query decoded as a server decodes it (`+` is not a space). */
function received(url: string): { filename: string; value: string } {
  const query = url.slice(url.indexOf('?') + 1);
  const params = Object.fromEntries(query.split('&').map((pair) => pair.split('=').map(decodeURIComponent)));
  return { filename: params.filename, value: params.value };
}

describe('newFileLink: GitHub new-file page for a log entry', () => {
  it('puts the branch in the path and the file path in filename, folders kept as /', () => {
    const link = newFileLink({ ...base, content: 'x' });
    expect(link).toEqual({ url: `https://github.com/acme/support-log/new/main?filename=${base.path}&value=x` });
  });

  it('encodes spaces as %20, new lines, unicode, # and & so the content arrives exactly', () => {
    const content = '---\nsummary: "Café & crème #2 (done) 100% + more — 日本"\n---\n\nLine two\r\n';
    const link = newFileLink({ ...base, content });
    if (!('url' in link)) throw new Error('expected a URL');
    const value = link.url.slice(link.url.indexOf('&value=') + 7);
    expect(value).not.toMatch(/[ \n#&+()]/);
    expect(value).toContain('%20');
    expect(value).toContain('%0A');
    expect(value).toContain('%23');
    expect(value).toContain('%26');
    expect(value).toContain('%2B');
    expect(value).toContain('Caf%C3%A9');
    expect(received(link.url)).toEqual({ filename: base.path, value: content });
    // One query parameter each: a # would end the query, an & start another.
    expect(link.url.split('#')).toHaveLength(1);
    expect(new URL(link.url).searchParams.getAll('value')).toHaveLength(1);
  });

  it('encodes a branch with / per segment and a file name with spaces', () => {
    const link = newFileLink({ ...base, branch: 'support/log #1', path: 'incidents/a/log/my entry.md', content: '' });
    expect(link).toEqual({ url: 'https://github.com/acme/support-log/new/support/log%20%231?filename=incidents/a/log/my%20entry.md&value=' });
  });

  it(`offers no link past ${MAX_NEW_FILE_URL_LENGTH} characters, and says how long it would be`, () => {
    const prefix = newFileLink({ ...base, content: '' });
    if (!('url' in prefix)) throw new Error('expected a URL');
    const room = MAX_NEW_FILE_URL_LENGTH - prefix.url.length;
    const fits = newFileLink({ ...base, content: 'a'.repeat(room) });
    expect('url' in fits && fits.url.length).toBe(MAX_NEW_FILE_URL_LENGTH);
    expect(newFileLink({ ...base, content: 'a'.repeat(room + 1) })).toEqual({ tooLong: MAX_NEW_FILE_URL_LENGTH + 1 });
    // Encoding counts: a space takes three characters, a non-Latin character nine.
    expect(newFileLink({ ...base, content: ' '.repeat(Math.ceil(room / 3) + 1) })).toHaveProperty('tooLong');
    expect(newFileLink({ ...base, content: '日'.repeat(Math.floor(room / 9)) })).toHaveProperty('url');
    expect(newFileLink({ ...base, content: '日'.repeat(Math.floor(room / 9) + 1) })).toHaveProperty('tooLong');
  });
});
