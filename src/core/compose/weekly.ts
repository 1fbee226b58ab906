// `commlog weekly`: the project manager's weekly status update. Every incident open at some time
// during the ISO week, as of the week's end (or Now, for the week in progress): its latest update
// to the client, what is owed next, its open commitments, and how the communication policy was
// kept that week (the compliance findings due within the week).
import { markdownCode, markdownText } from '../present/markdownText.ts';
import { cadenceContext } from '../cadence/context.ts';
import { commitmentStates, isClientCommitment } from '../cadence/commitments.ts';
import { dayAndTime, dayOf } from '../cadence/describe.ts';
import type { Config } from '../config/config.ts';
import { applySeverities, type Finding, type RuleFinding } from '../findings.ts';
import type { Incident, LogEntry } from '../model.ts';
import { dueObligations } from '../obligations/due.ts';
import { COMPLIANCE_RULES } from '../rules/registry.ts';
import { PRIORITIES } from '../schema/values.ts';
import { zoneAbbreviation } from '../time/zone.ts';
import type { IsoWeek } from './isoWeek.ts';
import { plural } from '../present/plural.ts';

export interface WeeklyIncident {
  incident: Incident;
  /** The instant the incident is described at: the week's end, or Now when earlier. */
  asOf: number;
  priority: Incident['priority'];
  resolvedByThen: boolean;
  latestUpdate?: LogEntry;
  /** What is owed next, overdue first (none once resolved). */
  nextDeadline?: string;
  openCommitments: string[];
  /** Compliance findings due within the week. */
  findings: Finding[];
}

/** The incidents open at some time during [start, end), described as of min(end, now). */
export function weeklyIncidents(incidents: readonly Incident[], config: Config, week: IsoWeek, now: number): WeeklyIncident[] {
  const asOf = Math.min(week.end - 1, now);
  return incidents
    .filter((i) => i.openedAt <= asOf && (i.resolvedAt === undefined || i.resolvedAt >= week.start))
    .map((incident) => describe(incident, config, week, asOf))
    .sort((a, b) => Number(a.resolvedByThen) - Number(b.resolvedByThen) || PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || a.incident.openedAt - b.incident.openedAt);
}

function describe(incident: Incident, config: Config, week: IsoWeek, asOf: number): WeeklyIncident {
  const known = incident.entries.filter((e) => e.at <= asOf);
  const resolvedByThen = incident.resolvedAt !== undefined && incident.resolvedAt <= asOf;
  const asThen: Incident = { ...incident, entries: known, status: resolvedByThen ? incident.status : 'open', resolvedAt: resolvedByThen ? incident.resolvedAt : undefined };
  const context = { config, now: asOf };
  const when = (t: number) => `${dayAndTime(incident.zone, t)} ${zoneAbbreviation(incident.zone, t)}`;

  const obligations = dueObligations(asThen, context);
  const openCommitments = commitmentStates(known)
    .filter((s) => s.doneAt === undefined)
    .map(({ commitment: c }) => {
      const owner = c.owner === 'us' ? 'us' : isClientCommitment(c) ? incident.client : c.owner;
      const due = c.due === undefined ? 'no due date' : `${c.due < asOf ? 'overdue since' : 'due'} ${when(c.due)}`;
      return `${c.action} (${owner}; ${due})`;
    });

  const found: RuleFinding[] = [];
  for (const rule of COMPLIANCE_RULES) found.push(...rule.run(asThen, context));
  // A finding without a due belongs to the time of its entry; on incident.md (resolution-notice), to the resolution.
  const timeOf = new Map<string, number | undefined>([[incident.file, incident.resolvedAt], ...incident.entries.map((e): [string, number] => [e.file, e.at])]);
  const inWeek = (t: number | undefined) => t !== undefined && t >= week.start && t < week.end;
  const findings = applySeverities(incident.id, found, config.rules, incident.zone).filter((f) => inWeek(f.due ?? timeOf.get(f.file)));

  return {
    incident,
    asOf,
    priority: cadenceContext(asThen, context).priorityAt(asOf),
    resolvedByThen,
    latestUpdate: known.filter((e) => e.direction === 'outbound').at(-1),
    nextDeadline: obligations[0]?.message,
    openCommitments,
    findings: findings.sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity)),
  };
}

/** The update as Markdown, for e-mail or the team's wiki. */
export function weeklyMarkdown(rows: readonly WeeklyIncident[], week: IsoWeek, zone: string, now: number): string {
  const lastDay = week.end - 1;
  const inProgress = now < week.end;
  const lines = [
    `# Weekly status update, ${week.label}`,
    '',
    `${dayOf(zone, week.start)} – ${dayOf(zone, lastDay)}${inProgress ? `, as of ${dayAndTime(zone, now)} ${zoneAbbreviation(zone, now)}` : ''}. ${plural(rows.length, 'incident')} open during the week.`,
    '',
  ];
  if (rows.length === 0) return [...lines, 'No incident was open this week.', ''].join('\n');
  lines.push('| incident | client | priority | status | latest update | policy findings |', '| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const latest = r.latestUpdate ? dayAndTime(r.incident.zone, r.latestUpdate.at) : 'none yet';
    lines.push(`| ${markdownText(r.incident.title)} | ${markdownText(r.incident.client)} | ${r.priority} | ${statusOf(r)} | ${latest} | ${r.findings.length} |`);
  }
  lines.push('');
  for (const r of rows) lines.push(...details(r));
  return lines.join('\n');
}

function details(r: WeeklyIncident): string[] {
  const { incident } = r;
  const when = (t: number) => `${dayAndTime(incident.zone, t)} ${zoneAbbreviation(incident.zone, t)}`;
  const latest = r.latestUpdate ? `${when(r.latestUpdate.at)} (${r.latestUpdate.channel}): ${markdownText(r.latestUpdate.summary)}` : 'none yet';
  return [
    `## ${markdownText(incident.title)}`,
    '',
    `${markdownCode(incident.id)} · ${markdownText(incident.client)} · ${r.priority} · ${statusOf(r)}${incident.internal ? ' · internal' : ''}`,
    '',
    `- **Latest update:** ${latest}`,
    `- **Next deadline:** ${r.resolvedByThen ? '— (resolved)' : r.nextDeadline === undefined ? 'none under the policy' : markdownText(r.nextDeadline)}`,
    `- **Open commitments:**${r.openCommitments.length === 0 ? ' none' : ''}`,
    ...r.openCommitments.map((c) => `  - ${markdownText(c)}`),
    `- **Communication policy this week:** ${r.findings.length === 0 ? 'kept (no finding)' : `${plural(r.findings.length, 'finding')}:`}`,
    ...r.findings.map((f) => `  - ${f.rule}: ${markdownText(f.message)}`),
    '',
  ];
}

function statusOf(r: WeeklyIncident): string {
  if (!r.resolvedByThen) return 'open';
  return `resolved ${dayOf(r.incident.zone, r.incident.resolvedAt!)}`;
}
