// Which report headings satisfy which required heading (rules.md, report-*): compared ignoring
// case, surrounding whitespace and a trailing colon, with runs of whitespace collapsed and `&`,
// `/` and the word `and` read as one separator.
import { DEFAULT_REQUIRED_HEADINGS, type RequiredHeading } from '../config/config.ts';

/** The form in which two headings compare equal. */
export function headingKey(text: string): string {
  const words = text.toLowerCase().trim().replace(/\s*:$/, '').replace(/[&/]/g, ' & ').split(/\s+/);
  return words
    .filter((word) => word !== '')
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
const ROLE_KEYS = new Map(ROLE_ORDER.map((role, i) => [role, requiredKeys(DEFAULT_REQUIRED_HEADINGS[i])]));

export function roleOf(required: RequiredHeading): SectionRole | undefined {
  const keys = requiredKeys(required);
  for (const [role, roleKeys] of ROLE_KEYS) {
    for (const key of keys) if (roleKeys.has(key)) return role;
  }
  return undefined;
}
