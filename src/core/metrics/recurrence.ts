// Recurring problems: an incident opened within 90 days after an earlier one of the same client
// or of the same category group. It repeats the same client's problem when the team says so
// (a `related` link either way, or the tag `recurring`) or when both are in one category group
// of the config: "the second checkout problem in seven weeks" may be filed as an outage and
// then as payments, but the team links the two.
import { clientKey } from '../config/config.ts';

export const RECURRENCE_WINDOW = 90 * 86_400_000;

/** The tag that marks an incident as the same client's problem again (compared ignoring case). */
export const RECURRING_TAG = 'recurring';

export interface RecurrenceInput {
  id: string;
  client: string;
  category?: string;
  openedAt: number;
  related?: readonly string[];
  tags?: readonly string[];
}

export type RepeatReason = 'related' | 'tag' | 'category';

export interface Recurrence {
  id: string;
  /** The most recent earlier incident of the same client / category group within the window. */
  sameClientAs?: string;
  sameCategoryAs?: string;
  /** The earlier incident of the same client whose problem this one repeats, and why it is taken to. */
  sameProblemAs?: string;
  repeatReason?: RepeatReason;
}

export interface RecurrenceOptions {
  window?: number;
  /** A category's group (config `categories` as a map); a category without one is its own group. */
  groupOf?: (category: string) => string | undefined;
}

/**
 * One entry per incident that recurs, in opening order. The repeated incident is, in order of
 * preference: the latest earlier one of the same client linked by `related` (either way), the
 * latest of the same client and category group, or (tagged `recurring`) the latest of the same
 * client. Linear in the number of incidents and links.
 */
export function findRecurrences(incidents: readonly RecurrenceInput[], options: RecurrenceOptions = {}): Recurrence[] {
  const window = options.window ?? RECURRENCE_WINDOW;
  const groupOf = (category: string | undefined) => (category === undefined ? undefined : (options.groupOf?.(category) ?? category));
  const sorted = [...incidents].sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1));
  const byId = new Map(sorted.map((i) => [i.id, i]));
  const linked = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!linked.has(a)) linked.set(a, new Set());
    linked.get(a)!.add(b);
  };
  for (const i of sorted) for (const r of i.related ?? []) if (byId.has(r) && r !== i.id) (link(i.id, r), link(r, i.id));
  const lastByClient = new Map<string, RecurrenceInput>();
  const lastByCategory = new Map<string, RecurrenceInput>();
  const lastByProblem = new Map<string, RecurrenceInput>();
  const within = (i: RecurrenceInput, earlier: RecurrenceInput | undefined) => earlier !== undefined && i.openedAt - earlier.openedAt <= window;
  const before = (i: RecurrenceInput, earlier: RecurrenceInput) => earlier.openedAt < i.openedAt || (earlier.openedAt === i.openedAt && earlier.id < i.id);
  const out: Recurrence[] = [];
  for (const i of sorted) {
    const client = clientKey(i.client);
    const group = groupOf(i.category);
    const byClient = lastByClient.get(client);
    const byCategory = group === undefined ? undefined : lastByCategory.get(group);
    const problem = group === undefined ? undefined : `${client}\u0000${group}`;
    const byProblem = problem === undefined ? undefined : lastByProblem.get(problem);
    const byLink = [...(linked.get(i.id) ?? [])]
      .map((id) => byId.get(id)!)
      .filter((e) => before(i, e) && clientKey(e.client) === client && within(i, e))
      .sort((a, b) => b.openedAt - a.openedAt)[0];
    const tagged = (i.tags ?? []).some((t) => t.toLowerCase() === RECURRING_TAG);
    const r: Recurrence = { id: i.id };
    if (byLink) Object.assign(r, { sameProblemAs: byLink.id, repeatReason: 'related' });
    else if (within(i, byProblem)) Object.assign(r, { sameProblemAs: byProblem!.id, repeatReason: 'category' });
    else if (tagged && within(i, byClient)) Object.assign(r, { sameProblemAs: byClient!.id, repeatReason: 'tag' });
    if (within(i, byClient)) r.sameClientAs = byClient!.id;
    if (within(i, byCategory)) r.sameCategoryAs = byCategory!.id;
    if (r.sameClientAs || r.sameCategoryAs || r.sameProblemAs) out.push(r);
    lastByClient.set(client, i);
    if (group !== undefined) lastByCategory.set(group, i);
    if (problem !== undefined) lastByProblem.set(problem, i);
  }
  return out;
}
