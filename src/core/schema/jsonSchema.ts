// JSON Schema for editors (YAML language servers), generated from the same zod schemas the
// checker uses, so the two cannot disagree.
import { z } from 'zod';
import { checkReportSchema } from '../checkReport/checkReport.ts';
import { configFile } from '../config/schema.ts';
import { entryFrontmatter } from './entry.ts';
import { incidentFrontmatter } from './incident.ts';
import { reportFrontmatter } from './report.ts';

export const JSON_SCHEMAS = {
  'incident.schema.json': { schema: incidentFrontmatter, title: 'commlog incident.md frontmatter' },
  'log-entry.schema.json': { schema: entryFrontmatter, title: 'commlog log entry frontmatter' },
  'report.schema.json': { schema: reportFrontmatter, title: 'commlog report.md frontmatter' },
  'config.schema.json': { schema: configFile, title: 'commlog.config.yaml' },
  'check-report.schema.json': { schema: checkReportSchema, title: 'commlog check --format json' },
} as const;

export function jsonSchemaFor(name: keyof typeof JSON_SCHEMAS): string {
  const { schema, title } = JSON_SCHEMAS[name];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}
