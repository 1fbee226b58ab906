// wording: an outbound message uses a phrase the team avoids (quality.md). Only the author's
// words count: the summary and the body without block quotes, code and raw HTML; `verbatim`
// holds the client's words, which may say anything.
import { dayAndTime } from '../cadence/describe.ts';
import type { Config } from '../config/config.ts';
import type { FindingDetail } from '../findings.ts';
import type { LogEntry } from '../model.ts';
import { authorTextBlocks, fieldTextBlocks } from '../text/authorText.ts';
import { findPhrases, mayHoldPhrase, phraseExpression, phraseScreen, type PhraseScreen } from '../text/phrases.ts';
import { defineRule } from './rule.ts';

interface AvoidedPhrase {
  phrase: string;
  suggest: string;
}

interface CompiledPhrases {
  screen: PhraseScreen;
  phrases: { phrase: AvoidedPhrase; expression: RegExp }[];
}

const compiled = new WeakMap<Config['avoidedPhrases'], CompiledPhrases>();

function compile(avoided: Config['avoidedPhrases']): CompiledPhrases {
  let found = compiled.get(avoided);
  if (!found) {
    found = { screen: phraseScreen(avoided.map((a) => a.phrase)), phrases: avoided.map((phrase) => ({ phrase, expression: phraseExpression(phrase.phrase) })) };
    compiled.set(avoided, found);
  }
  return found;
}

export const wording = defineRule({
  id: 'wording',
  family: 'compliance',
  severity: 'warning',
  summary: 'an outbound message uses a phrase the team avoids (dismissive, defensive)',
  docs: [
    "An outbound entry's `summary` or body uses a phrase of the config's `wording.avoid` (by default \"can't reproduce\", \"works for me\", \"user error\", \"as I said\", \"calm down\" and a few more).",
    'Phrases match ignoring case, treating `\'` and `’` alike and any run of whitespace, a line break too, as one space, at word boundaries.',
    'Block quotes, code blocks, inline code and the `verbatim` field are not checked: they hold the client\'s words or code.',
    'The log is a record: do not rewrite a sent message; follow the suggestion in the next one.',
  ].join(' '),
  run(incident, context) {
    const avoided = compile(context.config.avoidedPhrases);
    if (avoided.phrases.length === 0) return [];
    return incident.entries.filter((e) => e.direction === 'outbound').flatMap((entry) => avoidedInEntry(entry, incident.zone, avoided));
  },
});

function avoidedInEntry(entry: LogEntry, zone: string, avoided: CompiledPhrases): FindingDetail[] {
  const summary = mayHoldPhrase(entry.summary, avoided.screen) ? fieldTextBlocks(entry.summary, entry.keyLines.summary ?? 1) : [];
  const body = mayHoldPhrase(entry.body, avoided.screen) ? authorTextBlocks(entry.body, entry.bodyLine) : [];
  const sent = `The outbound ${entry.channel} of ${dayAndTime(zone, entry.at)}`;
  return [...summary, ...body].flatMap((block) =>
    findPhrases(block.text, avoided.phrases).map(({ start, phrase }) => ({
      file: entry.file,
      line: block.lineAt(start),
      message: `${sent} says "${phrase.phrase}", a phrase the team avoids (wording.avoid): ${phrase.suggest}`,
    })),
  );
}
