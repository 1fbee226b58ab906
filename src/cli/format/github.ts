// GitHub Actions workflow commands (annotations) and the job summary table.
import type { Finding } from '../../core/findings.ts';
import { capAnnotations } from '../../github/annotations.ts';
import { formatLocal } from '../../core/present/instant.ts';
import { markdownCode, markdownText } from '../../core/present/markdownText.ts';
import type { RepositoryCheck } from '../../node/checkRepository.ts';
import { plural } from '../../core/present/plural.ts';
import { ruleDocsAddress } from '../../core/present/ruleDocs.ts';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotation(f: Finding): string {
  const props = [`file=${escapeProperty(f.file)}`];
  if (f.line !== undefined) props.push(`line=${f.line}`);
  props.push(`title=${escapeProperty(f.rule)}`);
  // Annotations have no link property: the rule's documentation is the message's last line.
  return `::${f.severity} ${props.join(',')}::${escapeData(`${f.message}\nSee ${ruleDocsAddress(f.docs)}`)}`;
}

/**
 * Annotations within GitHub's limits (10 of a kind per step, 50 per job; it drops the rest
 * silently), then a notice saying how many were cut and where the full list is.
 */
export function formatAnnotations(findings: readonly Finding[]): string {
  const capped = capAnnotations(
    findings.map((f) => ({ level: f.severity, finding: f })),
    { fullListAt: 'the job summary and the pull request comment' },
  );
  const lines = capped.shown.map((a) => `${annotation(a.finding)}\n`);
  if (capped.cutNotice) lines.push(`::notice title=commlog::${escapeData(capped.cutNotice)}\n`);
  return lines.join('');
}

/** The Markdown table GitHub shows on the run's summary page: every finding, none cut. */
export function formatStepSummary(result: RepositoryCheck): string {
  const { incidents, entries, errors, warnings } = result.totals;
  const lines = [
    '## commlog check',
    '',
    `${errors === 0 ? '✅' : '❌'} **${plural(errors, 'error')}, ${plural(warnings, 'warning')}** in ${plural(incidents, 'incident')} (${plural(entries, 'log entry', 'log entries')}).`,
    '',
  ];
  if (result.findings.length > 0) {
    lines.push('| | Rule | File | Due | Message |', '| --- | --- | --- | --- | --- |');
    for (const f of result.findings) {
      const where = f.line === undefined ? f.file : `${f.file}:${f.line}`;
      const due = f.due === undefined ? '' : formatLocal(f.due, f.zone);
      lines.push(`| ${f.severity === 'error' ? '❌' : '⚠️'} | [\`${f.rule}\`](${ruleDocsAddress(f.docs)}) | ${markdownCode(where, { inTable: true })} | ${due} | ${markdownText(f.message)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
