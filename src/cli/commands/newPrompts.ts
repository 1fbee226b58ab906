// The interactive layer of `commlog new`: on a terminal, the flags a person left out are asked
// for, one question each, with the policy's proposal as the default. Answers are the text the
// flag would have held, so they go through the same parsing as flags: a prompt adds no rules.
import { input, select } from '@inquirer/prompts';
import { UsageError } from '../usageError.ts';
import type { CliIO } from '../io.ts';

export type Answers = Record<string, string | undefined>;

export interface Question {
  /** The flag the answer stands for, without `--`. */
  flag: string;
  message: string;
  /** A fixed list to pick from. */
  choices?: readonly string[];
  /** How a choice is shown, when its value alone does not say enough. */
  choiceLabel?: (value: string) => string;
  /** Ask only when this holds for the answers so far. */
  when?: (answers: Answers) => boolean;
  /** The proposed answer, from the answers so far. */
  proposal?: (answers: Answers) => string | undefined;
  /** Why an answer is not acceptable, or undefined. */
  problem?: (text: string, answers: Answers) => string | undefined;
  /** An empty answer leaves the field out. */
  optional?: boolean;
}

/** Prompts only where a person can answer: both ends a terminal, and not in CI. */
export function canAsk(io: CliIO): boolean {
  return Boolean(io.stdout.isTTY && process.stdin.isTTY && !io.env.CI);
}

/** Asks every question whose flag is missing; returns the answers merged over the flags. */
export async function askMissing(questions: readonly Question[], given: Answers): Promise<Answers> {
  try {
    return await ask(questions, given);
  } catch (error) {
    // Ctrl+C or a closed terminal: nothing has been written.
    if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') throw new UsageError('cancelled: nothing was written');
    throw error;
  }
}

async function ask(questions: readonly Question[], given: Answers): Promise<Answers> {
  const answers = { ...given };
  for (const q of questions) {
    if (answers[q.flag] !== undefined || (q.when && !q.when(answers))) continue;
    const proposal = q.proposal?.(answers);
    if (q.choices) {
      const choices = q.choices.map((value) => ({ value, name: q.choiceLabel?.(value) ?? value }));
      // An optional pick can be left out: the empty value stands for "none".
      if (q.optional) choices.push({ value: '', name: '(skip)' });
      const picked = await select({ message: q.message, choices, default: proposal });
      answers[q.flag] = picked === '' ? undefined : picked;
      continue;
    }
    const text = await input({
      message: q.message,
      default: proposal,
      required: !q.optional,
      validate: (value) => (value.trim() === '' ? (q.optional ? true : 'required') : (q.problem?.(value.trim(), answers) ?? true)),
    });
    answers[q.flag] = text.trim() === '' ? undefined : text.trim();
  }
  return answers;
}
