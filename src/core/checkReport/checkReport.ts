// The JSON document of `commlog check --format json` (cli.md), as one zod schema: the CLI
// writes it through `checkReportOf`, `commlog comment` reads it back through
// `parseCheckReport`, so writer and reader cannot drift apart.
import { z } from 'zod';
import type { CheckTotals, IncidentSummary } from '../check.ts';
import type { Finding } from '../findings.ts';
import { PRIORITIES, STATUSES } from '../schema/values.ts';
import { ruleDocsAddress } from '../present/ruleDocs.ts';
import { formatInstantIso } from '../time/zone.ts';

const count = z.number().int().nonnegative();

const reportedFinding = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  incident: z.string(),
  file: z.string(),
  line: z.number().int().optional(),
  message: z.string(),
  /** ISO 8601 with the incident's offset. */
  due: z.string().optional(),
  window: z.string().optional(),
  commitment: z.string().optional(),
  /**
   * Beyond cli.md's example: the address of the rule's section of commlog's docs/rules.md.
   * Optional for reports written before it existed.
   */
  docs: z.string().optional(),
});

const reportedIncident = z.object({
  id: z.string(),
  status: z.enum(STATUSES).nullable(),
  /** In force at Now (or at resolved_at). */
  priority: z.enum(PRIORITIES).nullable(),
  errors: count,
  warnings: count,
  /**
   * Beyond cli.md's example (added fields, which readers ignore): the incident's IANA zone and
   * its project manager's address, so a reader needs no second look at the repository. Optional
   * for reports written before they existed; `pm_email` is absent when the PM has no address.
   */
  zone: z.string().optional(),
  pm_email: z.string().optional(),
});

export const checkReportSchema = z.object({
  version: z.literal(1),
  /** ISO 8601 UTC, seconds precision. */
  now: z.string(),
  summary: z.object({ incidents: count, entries: count, errors: count, warnings: count }),
  incidents: z.array(reportedIncident),
  findings: z.array(reportedFinding),
});

export type CheckReport = z.output<typeof checkReportSchema>;
export type ReportedFinding = CheckReport['findings'][number];
export type ReportedIncident = CheckReport['incidents'][number];

export interface CheckResultForReport {
  now: number;
  totals: CheckTotals;
  summaries: readonly IncidentSummary[];
  /** Sorted as cli.md says. */
  findings: readonly Finding[];
}

/** The document, field by field as cli.md lists them: nothing internal leaks into it. */
export function checkReportOf(result: CheckResultForReport): CheckReport {
  return {
    version: 1,
    now: new Date(result.now).toISOString().replace(/\.000Z$/, 'Z'),
    summary: { ...result.totals },
    incidents: result.summaries.map((s) => ({
      id: s.id,
      status: s.status ?? null,
      priority: s.priority ?? null,
      errors: s.errors,
      warnings: s.warnings,
      zone: s.zone,
      ...(s.pmEmail === undefined ? {} : { pm_email: s.pmEmail }),
    })),
    findings: result.findings.map(reportedFindingOf),
  };
}

function reportedFindingOf(f: Finding): ReportedFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    incident: f.incident,
    file: f.file,
    ...(f.line === undefined ? {} : { line: f.line }),
    message: f.message,
    ...(f.due === undefined ? {} : { due: formatInstantIso(f.zone, f.due) }),
    ...(f.window === undefined ? {} : { window: f.window }),
    ...(f.commitment === undefined ? {} : { commitment: f.commitment }),
    docs: ruleDocsAddress(f.docs),
  };
}

/** Compact JSON, one line: the document is for programs, and may hold 100,000 findings. */
export function serializeCheckReport(report: CheckReport): string {
  return `${JSON.stringify(report)}\n`;
}

/** Parses a report; the error names the first problem, for a one-line CLI message. */
export function parseCheckReport(text: string): CheckReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message}): expected the output of \`commlog check --format json\``);
  }
  const result = checkReportSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`not a commlog check report: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}
