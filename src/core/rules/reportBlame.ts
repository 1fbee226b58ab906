// report-blame: the report's cause, resolution or prevention sections blame a person
// (quality.md): "we do not assign individual blame". A sentence blames when it holds a blame
// phrase, or a staff member's handle together with "forgot" or "mistake". The Timeline may
// name people; block quotes and code are not the author's words.
import type { Config } from '../config/config.ts';
import type { Incident } from '../model.ts';
import type { SectionRole } from '../report/headingMatch.ts';
import { reportSections, type ReportSection } from '../report/sections.ts';
import { authorTextBlocks } from '../text/authorText.ts';
import { findPhrases, mayHoldPhrase, phraseExpression, phraseScreen, sentencesOf, type PhraseScreen } from '../text/phrases.ts';
import { defineRule } from './rule.ts';

const CHECKED_ROLES: ReadonlySet<SectionRole> = new Set(['rootCause', 'resolution', 'mitigation']);
const SLIP_WORDS = ['forgot', 'mistake'];
const SLIP = SLIP_WORDS.map((word) => ({ phrase: word, expression: phraseExpression(word) }));
const SLIP_SCREEN = phraseScreen(SLIP_WORDS);

interface CompiledBlame {
  phrases: { phrase: string; expression: RegExp }[];
  screen: PhraseScreen;
}

const compiledBlame = new WeakMap<Config['blamePhrases'], CompiledBlame>();

function blamePhrases(config: Config): CompiledBlame {
  let found = compiledBlame.get(config.blamePhrases);
  if (!found) {
    found = {
      phrases: config.blamePhrases.map((phrase) => ({ phrase, expression: phraseExpression(phrase, { prefix: true }) })),
      screen: phraseScreen(config.blamePhrases.map((phrase) => phrase.replace(/\*$/, ''))),
    };
    compiledBlame.set(config.blamePhrases, found);
  }
  return found;
}

/** Staff handles: every author of the log, the owner and the backup. */
function staffHandles(incident: Incident): string[] {
  const handles = new Set(incident.entries.map((e) => e.author.trim()));
  if (incident.owner) handles.add(incident.owner.trim());
  if (incident.backup) handles.add(incident.backup.trim());
  return [...handles].filter((h) => /[\p{L}\p{N}]/u.test(h));
}

export const reportBlame = defineRule({
  id: 'report-blame',
  family: 'validity',
  severity: 'warning',
  summary: "the report's cause, resolution or prevention sections blame a person",
  docs: [
    'A sentence of the sections "Suspected root cause", "Resolution of issue" or "Mitigation steps / prevention in future" (or their aliases) holds a phrase of `report.blame_phrases`',
    '(by default "human error", "at fault", "to blame", "blamed", "careless*", "negligen*", "should have known", "failed to follow"; `*` matches the rest of a word),',
    'or names a staff member (an `author` of the log, the `owner` or the `backup`) together with "forgot" or "mistake".',
    'The Timeline may name people; block quotes and code are not checked.',
    'Describe what in the process or the system let it happen, and what changes so it cannot happen again, not who erred.',
  ].join(' '),
  run(incident, context) {
    const report = incident.report;
    if (!report) return [];
    const { phrases, screen } = blamePhrases(context.config);
    const sections = reportSections(report, context.config.requiredHeadings).filter(
      (s): s is ReportSection => s !== undefined && s.role !== undefined && CHECKED_ROLES.has(s.role),
    );
    if (sections.length === 0) return [];
    const handles = staffHandles(incident);
    const mayBlame = mayHoldPhrase(report.body, screen) || (mayHoldPhrase(report.body, SLIP_SCREEN) && mayHoldPhrase(report.body, phraseScreen(handles)));
    if (!mayBlame) return [];
    const handleNames = handles.map((h) => ({ phrase: h, expression: phraseExpression(h) }));
    return authorTextBlocks(report.body, report.bodyLine).flatMap((block) => {
      const section = innermostSection(sections, block.lineAt(0));
      if (!section) return [];
      return sentencesOf(block).flatMap((sentence) => {
        const phrase = findPhrases(sentence.text, phrases)[0];
        const handle = phrase ? undefined : findPhrases(sentence.text, handleNames)[0];
        const slip = handle && findPhrases(sentence.text, SLIP)[0];
        const blame = phrase ? `"${sentence.text.slice(phrase.start, phrase.end).replace(/\s+/g, ' ')}"` : handle && slip ? `${handle.phrase} with "${slip.phrase}"` : undefined;
        if (!blame) return [];
        return [
          {
            file: report.file,
            line: sentence.line,
            message: `A sentence of section "${section.heading.text}" blames a person (${blame}): describe what in the process or the system let it happen, not who erred`,
          },
        ];
      });
    });
  },
});

/** The checked section a line lies in, below its heading; of nested ones (a section under another's heading), the inner. */
function innermostSection(sections: readonly ReportSection[], line: number): ReportSection | undefined {
  let found: ReportSection | undefined;
  for (const section of sections) {
    if (line > section.heading.endLine && line <= section.endLine && (!found || section.heading.line > found.heading.line)) found = section;
  }
  return found;
}
