// The JSON document `commlog check --format json` prints (cli.md): what the pull request
// comment is written from, so the comment step needs no second check run.
import { z } from 'zod';

const finding = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  incident: z.string(),
  file: z.string(),
  line: z.number().int().optional(),
  message: z.string(),
  due: z.string().optional(),
  window: z.string().optional(),
  commitment: z.string().optional(),
});

const checkReport = z.object({
  version: z.literal(1),
  now: z.string(),
  summary: z.object({ incidents: z.number(), entries: z.number(), errors: z.number(), warnings: z.number() }),
  incidents: z.array(
    z.object({
      id: z.string(),
      status: z.string().nullable(),
      priority: z.string().nullable(),
      errors: z.number(),
      warnings: z.number(),
    }),
  ),
  findings: z.array(finding),
});

export type CheckReport = z.output<typeof checkReport>;
export type ReportedFinding = CheckReport['findings'][number];
export type ReportedIncident = CheckReport['incidents'][number];

/** Parses a report; the error names the first problem, for a one-line CLI message. */
export function parseCheckReport(text: string): CheckReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message}): expected the output of \`commlog check --format json\``);
  }
  const result = checkReport.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`not a commlog check report: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}
