// data-format.md: "the same `message_id` in two entries of a repository is a `schema` warning on
// the later one". Within an incident the loader reports it; this finds the repeats across the
// incidents of one check, from what each incident's check hands back.
import type { RuleFinding } from '../findings.ts';

/** An entry imported from an e-mail, as the repository-wide check needs it. */
export interface LoggedMessage {
  messageId: string;
  incident: string;
  file: string;
  at: number;
  line?: number;
}

/** A warning on each entry whose message_id an earlier entry of another incident already holds. */
export function repeatedMessages(messages: readonly LoggedMessage[]): (RuleFinding & { incident: string })[] {
  const ordered = [...messages].sort((a, b) => a.at - b.at || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const first = new Map<string, LoggedMessage>();
  const out: (RuleFinding & { incident: string })[] = [];
  for (const m of ordered) {
    const earlier = first.get(m.messageId);
    if (!earlier) {
      first.set(m.messageId, m);
      continue;
    }
    if (earlier.incident === m.incident) continue;
    out.push({
      rule: 'schema',
      severity: 'warning',
      incident: m.incident,
      file: m.file,
      line: m.line,
      message: `Field "message_id" is the e-mail already logged in ${earlier.file}: the same e-mail is logged twice; if it belongs to this incident too, say so in the body, else remove this entry before it lands`,
    });
  }
  return out;
}
