// commlog for programmatic use (`import { check } from 'commlog'`): the checker over a log
// repository, the zod schemas of the data format and their JSON Schemas, the configuration
// parser, and the JSON check report with its types.
import { resolve } from 'node:path';
import { checkRepository, type CheckOptions, type RepositoryCheck } from './node/checkRepository.ts';

export type { CheckOptions, RepositoryCheck } from './node/checkRepository.ts';
export type { CheckTotals, IncidentSummary } from './core/check.ts';
export { RULES, type Finding, type RuleId, type Severity as FindingSeverity } from './core/findings.ts';
export { incidentFrontmatter, type IncidentFrontmatter } from './core/schema/incident.ts';
export { entryFrontmatter, type EntryFrontmatter } from './core/schema/entry.ts';
export { reportFrontmatter, type ReportFrontmatter } from './core/schema/report.ts';
export { JSON_SCHEMAS, jsonSchemaFor } from './core/schema/jsonSchema.ts';
export { parseConfig, ConfigError, type Config } from './core/config/config.ts';
export { readConfig } from './node/repository.ts';
export { checkReportSchema, checkReportOf, parseCheckReport, type CheckReport, type ReportedFinding, type ReportedIncident } from './core/checkReport/checkReport.ts';

/**
 * Checks the log repository at `root` (default: the current directory) as `commlog check`
 * does, judged at `now` (default: the current time).
 */
export function check(options: Partial<CheckOptions> = {}): Promise<RepositoryCheck> {
  return checkRepository({ ...options, root: resolve(options.root ?? '.'), now: options.now ?? Date.now() });
}
