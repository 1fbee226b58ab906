import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkReportOf, serializeCheckReport } from '../../core/checkReport/checkReport.ts';
import { checkRepository } from '../../node/checkRepository.ts';
import { readConfig } from '../../node/repository.ts';
import { oneOf, parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { formatAnnotations, formatStepSummary } from '../format/github.ts';
import { formatCheckText, useColour } from '../format/text.ts';
import { EXIT_FINDINGS, EXIT_OK, type Command } from '../io.ts';

const FORMATS = ['text', 'json', 'github'] as const;

export const checkCommand: Command = {
  help: `Usage: commlog check [INCIDENT...] [options]

Checks every incident (or only those named) against the rules of the data format and the
communication policy, and prints the findings.

Options:
  --now TIME            evaluate as of TIME (e.g. 2026-11-02T13:30, 2026-11-02T13:30Z);
                        without an offset it is read in the config's timezone (default: now)
  --format FORMAT       text (default), json, or github (workflow annotations, plus a
                        summary table appended to $GITHUB_STEP_SUMMARY when it is set)
  --since REF           only incidents with files changed since git REF, plus log-immutable
  --strict              warnings count as errors for the exit code
  --json-report FILE    also write the JSON document to FILE (whatever --format is), so
                        one run can annotate a pull request and feed its comment
  --root DIR            the repository (default: the current directory)
  -h, --help            show this help

Exit codes: 0 no errors, 1 at least one error (with --strict: any finding),
2 usage or configuration problem.
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      'check',
      argv,
      { now: { type: 'string' }, format: { type: 'string' }, since: { type: 'string' }, strict: { type: 'boolean' }, 'json-report': { type: 'string' } },
      true,
    );
    const root = rootOf(values, io.cwd);
    const format = oneOf('--format', values.format, FORMATS, 'text');
    const config = readConfig(root);
    const now = parseNow(values.now, config.timezone);
    const result = await checkRepository({ root, now, config, ids: positionals.length > 0 ? positionals : undefined, since: values.since });
    const json = () => serializeCheckReport(checkReportOf(result));

    const reportFile = values['json-report'];
    if (reportFile !== undefined) writeFileSync(resolve(io.cwd, reportFile), json());
    if (format === 'json') io.stdout.write(json());
    else if (format === 'github') {
      io.stdout.write(formatAnnotations(result.findings));
      const summaryFile = io.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) appendFileSync(summaryFile, formatStepSummary(result));
    } else io.stdout.write(formatCheckText(result, useColour(io.stdout, io.env)));

    const failing = values.strict ? result.findings.length : result.totals.errors;
    return failing > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
