// What `new incident` and `new entry` share: the required answers (asked on a terminal, else a
// usage error naming every missing flag) and the parsing of a flag's text into a value.
import type { CliIO } from '../../io.ts';
import { UsageError } from '../../usageError.ts';
import { askMissing, canAsk, type Answers, type Question } from '../newPrompts.ts';

const REQUIRED_FLAGS = new Set(['title', 'client', 'reporter', 'priority', 'pm', 'direction', 'channel', 'contact', 'summary']);

/** The required answers: asked on a terminal, else a usage error naming every missing flag. */
export async function completeAnswers(questions: Question[], values: Record<string, unknown>, io: CliIO, command: string): Promise<Answers> {
  const given: Answers = {};
  for (const [key, value] of Object.entries(values)) if (typeof value === 'string') given[key] = value;
  // A wrong flag is reported before anything is asked.
  for (const q of questions) {
    const value = given[q.flag];
    if (value === undefined) continue;
    if (q.choices) given[q.flag] = enumFlag(`--${q.flag}`, value, q.choices);
    const problem = q.problem?.(value, given);
    if (problem) throw new UsageError(`--${q.flag}${value.length <= 60 ? ` "${value}"` : ''}: ${problem}`);
  }
  if (canAsk(io)) return askMissing(questions, given);
  const missing = questions.filter((q) => given[q.flag] === undefined && REQUIRED_FLAGS.has(q.flag) && (!q.when || q.when(given)));
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.map((q) => `--${q.flag}`).join(', ')} (or run on a terminal to be asked; see commlog ${command} --help)`);
  }
  return given;
}

export function enumFlag<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const lower = value.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(lower)) throw new UsageError(`${flag} "${value}": expected one of ${allowed.join(', ')}`);
  return lower as T;
}

export function oneLine(flag: string, text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') throw new UsageError(`${flag} is empty`);
  return line;
}
