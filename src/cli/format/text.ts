// Text for people: findings grouped by incident, `file:line` first so terminals link it,
// the due time in the incident's own zone, the rule's documentation under the message. Colour only when asked for (a TTY without NO_COLOR).
import { styleText } from 'node:util';
import type { IncidentSummary } from '../../core/check.ts';
import type { Finding } from '../../core/findings.ts';
import { formatLocal } from '../../core/present/instant.ts';
import type { RepositoryCheck } from '../../node/checkRepository.ts';
import { plural } from '../../core/present/plural.ts';
import { ruleDocsAddress } from '../../core/present/ruleDocs.ts';

type Style = Parameters<typeof styleText>[0];

export function useColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

export function formatCheckText(result: RepositoryCheck, colour: boolean): string {
  const paint = (style: Style, text: string) => (colour ? styleText(style, text, { validateStream: false }) : text);
  const byIncident = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byIncident.get(f.incident);
    if (list) list.push(f);
    else byIncident.set(f.incident, [f]);
  }
  const summaries = new Map(result.summaries.map((s) => [s.id, s]));
  const lines: string[] = [];
  for (const [id, findings] of byIncident) {
    const summary = summaries.get(id);
    lines.push(`${paint('bold', id)}${summary ? paint('dim', `  ${describe(summary)}`) : ''}`);
    for (const f of findings) {
      const mark = f.severity === 'error' ? paint('red', '✖ error  ') : paint('yellow', '⚠ warning');
      const where = f.line === undefined ? f.file : `${f.file}:${f.line}`;
      const due = f.due === undefined ? '' : paint('dim', ` · due ${formatLocal(f.due, f.zone)}`);
      lines.push(`  ${mark} ${where}  ${paint('cyan', f.rule)}${due}`);
      lines.push(`    ${f.message}`);
      lines.push(paint('dim', `    see ${ruleDocsAddress(f.docs)}`));
    }
    lines.push('');
  }
  for (const note of result.notes) lines.push(paint('dim', `ℹ ${note}`));
  lines.push(totalsLine(result, paint));
  return `${lines.join('\n')}\n`;
}

function describe(s: IncidentSummary): string {
  return [s.priority, s.status].filter(Boolean).join(' · ');
}

function totalsLine(result: RepositoryCheck, paint: (style: Style, text: string) => string): string {
  const { incidents, entries, errors, warnings } = result.totals;
  const scope = `${plural(incidents, 'incident')}, ${plural(entries, 'log entry', 'log entries')}`;
  if (errors === 0 && warnings === 0) return paint('green', `✔ No findings in ${scope}.`);
  const affected = new Set(result.findings.map((f) => f.incident)).size;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const text = `${counts} in ${affected} of ${scope}.`;
  return errors > 0 ? paint('red', `✖ ${text}`) : paint('yellow', `⚠ ${text}`);
}
