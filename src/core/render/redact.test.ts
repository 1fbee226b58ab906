import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DIGIT_RUN, EMAIL, EMAIL_WITHHELD, PHONE_WITHHELD, SEVEN_DIGITS, isContactLink, redactContacts } from './redact.ts';

describe('redactContacts: phone numbers in the forms people write them (issue 9)', () => {
  it.each([
    ['call 07700 900123 now', `call ${PHONE_WITHHELD} now`],
    ['+447700900123', PHONE_WITHHELD],
    ['07700900123', PHONE_WITHHELD],
    ['Tel:020 7946 0000', `Tel:${PHONE_WITHHELD}`],
    ['Paris office +33 1 23 45 67 89.', `Paris office ${PHONE_WITHHELD}.`],
    ['toll-free 1-800-555-0199', `toll-free ${PHONE_WITHHELD}`],
    ['mob: 07700-910220', `mob: ${PHONE_WITHHELD}`],
    ['https://crm.example/call?phone=07700900123&src=log', `https://crm.example/call?phone=${PHONE_WITHHELD}&src=log`],
    ['phone (555) 123-4567', `phone ${PHONE_WITHHELD}`],
    ['+1 (415) 555-0132 ext', `${PHONE_WITHHELD} ext`],
  ])('withholds %j', (input, expected) => {
    expect(redactContacts(input)).toBe(expected);
  });

  it('recognises national forms only of the regions it is given', () => {
    expect(redactContacts('mob: 07700-910220', [])).toBe('mob: 07700-910220');
    expect(redactContacts('mob: +44 7700-910220', [])).toBe(`mob: ${PHONE_WITHHELD}`);
  });
});

describe('redactContacts: e-mail addresses', () => {
  it.each([
    ['mail Ana.Ruiz+ops@sub.client.example now', `mail ${EMAIL_WITHHELD} now`],
    ['IDN: ana@bücher.example and jo@例え.jp', `IDN: ${EMAIL_WITHHELD} and ${EMAIL_WITHHELD}`],
    ['literal ana@[192.0.2.1] and ops@[IPv6:2001:db8::1]', `literal ${EMAIL_WITHHELD} and ${EMAIL_WITHHELD}`],
    ['root@localhost wrote', `${EMAIL_WITHHELD} wrote`],
    ['https://crm.example/?email=ana%40client.example', `https://crm.example/?email=${EMAIL_WITHHELD}`],
  ])('withholds %j', (input, expected) => {
    expect(redactContacts(input)).toBe(expected);
  });
});

describe('redactContacts leaves ordinary text alone', () => {
  it.each([
    'opened 2026-11-02 09:05 and fixed 2026-11-03T10:15',
    'incident 2026-11-02-acme-checkout-500 is related',
    'we saw 500 errors for 45 minutes, 3 of 12 nodes, version 1.4.2',
    'on 2026-11-02, 14:00 to 16:30',
    'the load balancer at 10.20.30.40 and release 2026.11.2',
    'ticket 123456, order 12345678',
    'ping @ops-team on the channel',
  ])('%j', (input) => {
    expect(redactContacts(input)).toBe(input);
  });
});

describe('isContactLink', () => {
  it.each(['mailto:jo@acme.example', 'tel:+442079460000', 'https://crm.example/?phone=07700900123', 'https://x.example/u/jo@acme.example'])('%j is', (href) => {
    expect(isContactLink(href)).toBe(true);
  });
  it.each(['https://status.example/incidents/2026-11-02', '/incidents/x/'])('%j is not', (href) => {
    expect(isContactLink(href)).toBe(false);
  });
});

describe('redactContacts reads contact details spelled with character references', () => {
  it.each([
    ['ana&#64;client.example', EMAIL_WITHHELD],
    ['ana&#x40;client.example', EMAIL_WITHHELD],
    ['ana&commat;client.example', EMAIL_WITHHELD],
    ['call &#48;7700 900123', `call ${PHONE_WITHHELD}`],
  ])('%j', (input, expected) => {
    expect(redactContacts(input)).toBe(expected);
  });

  it('leaves other references as they are', () => {
    expect(redactContacts('a &lt;b&gt; &#42;c&#42; &amp; d')).toBe('a &lt;b&gt; &#42;c&#42; &amp; d');
  });
});

describe('redactContacts: its shortcuts skip only texts the full expressions leave alone', () => {
  const alphabet = fc.constantFrom(...'0123456789 .-()/+@%4a\u00a0x&#;T'.split(''), '%40', '&#64;', 'ana@x.example', '07700 900123');
  const texts = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''));

  it('a text without seven digits in a row (separators allowed) has no run long enough to be a phone number', () => {
    fc.assert(
      fc.property(texts, (text) => {
        if (SEVEN_DIGITS.test(text)) return;
        for (const [run] of text.matchAll(DIGIT_RUN)) expect(run.replace(/\D/g, '').length).toBeLessThan(7);
      }),
    );
  });

  it('a text without @ or %40 has no e-mail address', () => {
    fc.assert(
      fc.property(texts, (text) => {
        if (text.includes('@') || text.includes('%40')) return;
        expect(text.match(EMAIL)).toBeNull();
      }),
    );
  });
});
