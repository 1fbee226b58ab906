// Contact details in free text (bodies, summaries, quotes): e-mail addresses and phone numbers
// are withheld from anything published unless `publish.contact_details: true`.

export const EMAIL_WITHHELD = '[e-mail withheld]';
export const PHONE_WITHHELD = '[phone withheld]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Digit groups joined by spaces, dots or hyphens, optionally with +country and (area) parts.
// Not glued to letters, digits, hyphens or colons, so ids such as 2026-11-02-acme and times
// such as 09:05 are left alone.
const PHONE = /(?<![\w:.+-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,5}){1,5}(?![\w:-])/g;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;
const MIN_PHONE_DIGITS = 9;

function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return digits >= MIN_PHONE_DIGITS && !DATE_LIKE.test(text);
}

/** The text with every e-mail address and phone number replaced by a placeholder. */
export function redactContacts(text: string): string {
  return text
    .replace(EMAIL, EMAIL_WITHHELD)
    .replace(PHONE, (match) => (isPhoneNumber(match) ? PHONE_WITHHELD : match));
}

/** Whether a text holds anything `redactContacts` would withhold (cheaper than redacting a tree). */
export function mayContainContacts(text: string): boolean {
  return /@|tel:|sms:|callto:/i.test(text) || redactContacts(text) !== text;
}

/** Whether a link target would publish a contact detail. */
export function isContactLink(href: string): boolean {
  return /^(mailto|tel|sms|callto):/i.test(href.trim()) || redactContacts(href) !== href;
}
