// Contact details in free text (bodies, summaries, quotes, names, file names): e-mail addresses
// and phone numbers are withheld from anything published unless `publish.contact_details: true`.
// Phone numbers are recognised by libphonenumber-js, which knows every region's numbering plan,
// trunk prefixes and written forms; a regular expression only proposes the digit runs to ask it
// about (asking it about a whole text is about a hundred times slower).
import { findNumbers, type CountryCode } from 'libphonenumber-js';

export const EMAIL_WITHHELD = '[e-mail withheld]';
export const PHONE_WITHHELD = '[phone withheld]';

/**
 * Regions whose national forms (`07700 900123`, `1-800-555-0199`) are recognised, besides every
 * international form (`+33 1 23 45 67 89`). docs/decisions.md says why these two.
 */
export const PHONE_REGIONS: readonly CountryCode[] = ['GB', 'US'];

// Any local part, then `@` (or `%40` in a URL), then a domain of letters and digits of any
// script (IDN), a bare host (`@localhost`) or an address literal (`@[192.0.2.1]`).
export const EMAIL = /[\p{L}\p{N}._%+!#$*^~-]+(?:@|%40)(?:\[[^\]\s]{1,80}\]|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*)/giu;

// A run that could be a phone number: an optional + or (, then digits with the separators people
// write between them. Letters end a run, so `Tel:020…` and `?phone=0770…` still yield the number;
// a run glued to a letter before it (`T0905-…` in a file name, `v2`) is not a number.
export const DIGIT_RUN = /(?<![\p{L}\d])[+(]?\d(?:[\d \u00a0().\/-]*\d)?/gu;
const MIN_PHONE_DIGITS = 7;
// Dates, times, versions and IPv4 addresses are digit runs that are never phone numbers.
const NOT_A_PHONE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2})?$|^\d+(?:\.\d+){2,}$/;

type Span = [start: number, end: number];

function phoneSpans(run: string, regions: readonly CountryCode[]): Span[] {
  const spans: Span[] = [];
  // A run starting with + is read in international form; any other only in a region's form.
  for (const defaultCountry of run.startsWith('+') ? [undefined] : regions) {
    // `leniency: 'POSSIBLE'` (a possible length for the region, not an assigned range) so that
    // the ranges reserved for examples and drama (07700 900xxx, 555-01xx) are withheld too.
    const options = { defaultCountry, v2: true, leniency: 'POSSIBLE' } as { defaultCountry?: CountryCode; v2: true };
    for (const found of findNumbers(run, options)) spans.push([found.startsAt, found.endsAt]);
  }
  return spans;
}

function redactedRun(run: string, regions: readonly CountryCode[]): string {
  if (run.replace(/\D/g, '').length < MIN_PHONE_DIGITS || NOT_A_PHONE.test(run.trim())) return run;
  const spans = phoneSpans(run, regions);
  if (spans.length === 0) return run;
  // Withhold from the first digit found to the last: overlapping finds of several regions
  // become one placeholder.
  const start = Math.min(...spans.map((s) => s[0]));
  const end = Math.max(...spans.map((s) => s[1]));
  return `${run.slice(0, start)}${PHONE_WITHHELD}${run.slice(end)}`;
}

// The same numbers recur across the entries of an archive (a client's switchboard, our own).
const known = new Map<string, string>();
const KNOWN_MAX = 2000;

// Seven digits joined only by the separators of DIGIT_RUN: every run that can be withheld holds
// such a sequence. Testing for it first (a plain expression, compiled to machine code) spares the
// Unicode expression with its look-behind on the many texts that hold no run long enough.
export const SEVEN_DIGITS = /\d(?:[ \u00a0().\/-]*\d){6}/;

function redactPhones(text: string, regions: readonly CountryCode[]): string {
  if (!SEVEN_DIGITS.test(text)) return text;
  return text.replace(DIGIT_RUN, (run) => {
    const key = `${regions.join()}|${run}`;
    let out = known.get(key);
    if (out === undefined) {
      out = redactedRun(run, regions);
      if (known.size >= KNOWN_MAX) known.clear();
      known.set(key, out);
    }
    return out;
  });
}

// Letters, digits and `@` written as character references (`ana&#64;x.example`) spell an
// address that a search of the text would miss: they are read as the characters they are.
const SPELLING_REFERENCE = /&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));|&commat;/g;

function spelledOut(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(SPELLING_REFERENCE, (reference, decimal: string | undefined, hex: string | undefined) => {
    const code = reference === '&commat;' ? 0x40 : decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    const c = code <= 0x10ffff ? String.fromCodePoint(code) : '';
    return /^[\p{L}\p{N}@+]$/u.test(c) ? c : reference;
  });
}

/** The text with every e-mail address and phone number replaced by a placeholder. */
export function redactContacts(text: string, regions: readonly CountryCode[] = PHONE_REGIONS): string {
  const spelled = spelledOut(text);
  // An address needs its `@` (or `%40`): most texts have none, and the address expression is slow.
  const withoutEmail = spelled.includes('@') || spelled.includes('%40') ? spelled.replace(EMAIL, EMAIL_WITHHELD) : spelled;
  return redactPhones(withoutEmail, regions);
}

/** Whether a text holds anything `redactContacts` would withhold (cheaper than redacting a tree). */
export function mayContainContacts(text: string): boolean {
  return /@|%40|tel:|sms:|callto:/i.test(text) || redactContacts(text) !== text;
}

/** Whether a link target would publish a contact detail. */
export function isContactLink(href: string): boolean {
  return /^(mailto|tel|sms|callto):/i.test(href.trim()) || redactContacts(href) !== href;
}
