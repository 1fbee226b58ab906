// Which report headings satisfy which required heading (rules.md, report-*): compared ignoring
// case, surrounding whitespace and a trailing colon, with runs of whitespace collapsed and `&`,
// `/` and the word `and` read as one separator.
import { DEFAULT_REQUIRED_HEADINGS, type RequiredHeading } from '../config/config.ts';

/** Reports repeat the same few headings: each distinct text is normalised once (up to a bound). */
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;

/** The form in which two headings compare equal. */
export function headingKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    key = normalise(text);
    if (keyCache.size < KEY_CACHE_LIMIT) keyCache.set(text, key);
  }
  return key;
}

function normalise(text: string): string {
  let s = text.toLowerCase().trim();
  if (s.endsWith(':')) s = s.slice(0, -1).trimEnd();
  if (s.includes('&') || s.includes('/')) s = s.replace(/[&/]/g, ' & ').trim();
  return s
    .split(/\s+/)
    .map((word) => (word === 'and' ? '&' : word))
    .join(' ');
}

/** The keys a required heading accepts: its name's and each alias's. */
export function requiredKeys(required: RequiredHeading): Set<string> {
  return new Set([required.name, ...required.aliases].map(headingKey));
}

/**
 * What a required heading is for, known by the default heading it shares a name or alias
 * with: the severity, timeline and prevention checks, and what to write in an empty section,
 * follow a team's renamed headings this way.
 */
export type SectionRole = 'date' | 'reporter' | 'severity' | 'timeline' | 'exposure' | 'rootCause' | 'resolution' | 'mitigation';

const ROLE_ORDER: SectionRole[] = ['date', 'reporter', 'severity', 'timeline', 'exposure', 'rootCause', 'resolution', 'mitigation'];
let roleKeys: Map<SectionRole, Set<string>> | undefined;

function roleOfKeys(keys: Set<string>): SectionRole | undefined {
  // Built on first use: the config module and the rules import each other (config → rule ids).
  roleKeys ??= new Map(ROLE_ORDER.map((role, i) => [role, requiredKeys(DEFAULT_REQUIRED_HEADINGS[i])]));
  for (const [role, keysOfRole] of roleKeys) {
    for (const key of keys) if (keysOfRole.has(key)) return role;
  }
  return undefined;
}

export interface HeadingMatcher {
  required: RequiredHeading;
  keys: Set<string>;
  role: SectionRole | undefined;
}

const matchers = new WeakMap<readonly RequiredHeading[], HeadingMatcher[]>();

/** The keys and role of each required heading, worked out once per config. */
export function headingMatchers(required: readonly RequiredHeading[]): HeadingMatcher[] {
  let found = matchers.get(required);
  if (!found) {
    found = required.map((r) => {
      const keys = requiredKeys(r);
      return { required: r, keys, role: roleOfKeys(keys) };
    });
    matchers.set(required, found);
  }
  return found;
}
