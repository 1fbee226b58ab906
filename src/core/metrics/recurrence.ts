// Recurring problems: an incident opened within 90 days after an earlier one of the same client
// or of the same category.

export const RECURRENCE_WINDOW = 90 * 86_400_000;

export interface RecurrenceInput {
  id: string;
  client: string;
  category?: string;
  openedAt: number;
}

export interface Recurrence {
  id: string;
  /** The most recent earlier incident of the same client / category within the window. */
  sameClientAs?: string;
  sameCategoryAs?: string;
  /** Same client and same category: most likely the same problem again. */
  sameProblemAs?: string;
}

/** One entry per incident that recurs, in opening order. Linear in the number of incidents. */
export function findRecurrences(incidents: readonly RecurrenceInput[], window = RECURRENCE_WINDOW): Recurrence[] {
  const sorted = [...incidents].sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1));
  const lastByClient = new Map<string, RecurrenceInput>();
  const lastByCategory = new Map<string, RecurrenceInput>();
  const lastByProblem = new Map<string, RecurrenceInput>();
  const out: Recurrence[] = [];
  for (const i of sorted) {
    const byClient = lastByClient.get(i.client);
    const byCategory = i.category === undefined ? undefined : lastByCategory.get(i.category);
    const problem = i.category === undefined ? undefined : `${i.client}\u0000${i.category}`;
    const byProblem = problem === undefined ? undefined : lastByProblem.get(problem);
    const r: Recurrence = { id: i.id };
    if (byProblem && i.openedAt - byProblem.openedAt <= window) r.sameProblemAs = byProblem.id;
    if (byClient && i.openedAt - byClient.openedAt <= window) r.sameClientAs = byClient.id;
    if (byCategory && i.openedAt - byCategory.openedAt <= window) r.sameCategoryAs = byCategory.id;
    if (r.sameClientAs || r.sameCategoryAs) out.push(r);
    lastByClient.set(i.client, i);
    if (i.category !== undefined) lastByCategory.set(i.category, i);
    if (problem !== undefined) lastByProblem.set(problem, i);
  }
  return out;
}
