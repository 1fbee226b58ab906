// `commlog report`: a first draft of report.md. Every required heading of the config, in order;
// what the data knows is filled in (date, reporter, severity, a timeline of response drafted from
// the log); what only a person can write is left as a `<…>` fill-in, which `report-empty` flags
// until someone replaces it.
import { markdownCode, markdownText } from '../present/markdownText.ts';
import type { Config } from '../config/config.ts';
import type { Incident, LogEntry } from '../model.ts';
import { headingMatchers, type HeadingMatcher, type SectionRole } from '../report/headingMatch.ts';
import type { Person } from '../schema/values.ts';
import { instantToLocal, pad2, zoneAbbreviation } from '../time/zone.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What a person writes in the sections the log cannot fill. */
const FILL_INS: Record<SectionRole, string> = {
  date: '<when the incident started and ended>',
  reporter: '<who reported it, and how>',
  severity: '<critical, high, medium or low>: <why>',
  timeline: '<time, action, people>',
  exposure: '<Who and what was affected, for how long, and whether any data was exposed.>',
  rootCause: '<What caused it, as far as we know, and how we found out.>',
  resolution: '<What fixed it, when, and how the client confirmed it.>',
  mitigation: '<What we will change so that it does not happen again: one task per action, as - [ ] action (owner, by when).>',
};

export function draftReport(incident: Incident, config: Config): string {
  const sections = headingMatchers(config.requiredHeadings).map((heading) => section(heading, incident, config));
  return [`# Incident report: ${markdownText(incident.title)}`, '', `${markdownText(incident.client)}, incident ${markdownCode(incident.id)}.`, '', ...sections.flat()].join('\n');
}

function section({ required, role }: HeadingMatcher, incident: Incident, config: Config): string[] {
  const content = role === undefined ? '<…>' : filled(role, incident, config) ?? FILL_INS[role];
  return [`## ${required.name}`, '', content, ''];
}

function filled(role: SectionRole, incident: Incident, config: Config): string | undefined {
  switch (role) {
    case 'date':
      return dateOf(incident);
    case 'reporter':
      return reporterOf(incident, config);
    case 'severity':
      return incident.severity === undefined ? undefined : `**${capitalise(incident.severity)}**`;
    case 'timeline':
      return timelineOf(incident);
    case 'resolution':
      return hintsOf(incident, 'resolution');
    default:
      return undefined;
  }
}

function dateOf(incident: Incident): string {
  const opened = `${longDay(incident.openedAt, incident.zone)}, reported at ${timeWithZone(incident.openedAt, incident.zone)}`;
  if (incident.resolvedAt === undefined) return `${opened}; not resolved yet.`;
  const sameDay = instantToLocal(incident.zone, incident.resolvedAt).date === instantToLocal(incident.zone, incident.openedAt).date;
  const resolved = sameDay ? timeWithZone(incident.resolvedAt, incident.zone) : `${longDay(incident.resolvedAt, incident.zone)} ${timeWithZone(incident.resolvedAt, incident.zone)}`;
  return `${opened}; resolved ${resolved}.`;
}

function reporterOf(incident: Incident, config: Config): string {
  const r = incident.reporter;
  const who = [r.name, r.role, r.org ?? incident.client].filter(Boolean).join(', ');
  const contact = config.publish.contactDetails && r.email ? ` (${r.email})` : '';
  const first = incident.entries.find((e) => e.direction === 'inbound' && !e.internal);
  const how = first ? `, by ${channelWord(first)} at ${timeWithZone(first.at, incident.zone)}` : '';
  return `${markdownText(`${who}${contact}`)}${how}.`;
}

/** The log as a table: every entry a reader of the report may see, in log order. */
function timelineOf(incident: Incident): string {
  const { zone } = incident;
  const entries = incident.entries.filter((e) => incident.internal || !e.internal);
  const hidden = incident.entries.length - entries.length;
  const rows: { t: number; cells: string[] }[] = [];
  const firstDay = instantToLocal(zone, incident.openedAt).date;
  const lastDay = instantToLocal(zone, Math.max(incident.resolvedAt ?? 0, ...incident.entries.map((e) => e.at), incident.openedAt)).date;
  const when = (t: number) => (firstDay === lastDay ? hhmm(t, zone) : `${shortDay(t, zone)} ${hhmm(t, zone)}`);
  if (!entries.some((e) => e.direction === 'inbound' && e.at === incident.openedAt)) {
    rows.push({ t: incident.openedAt, cells: [when(incident.openedAt), '—', 'incident opened', incident.reporter.name] });
  }
  for (const e of entries) rows.push({ t: e.at, cells: [when(e.at), channelWord(e), e.summary, peopleOf(e).join(', ')] });
  if (incident.resolvedAt !== undefined) rows.push({ t: incident.resolvedAt, cells: [when(incident.resolvedAt), '—', 'resolved', ''] });
  // Stable: entries keep their log order; the opening and the resolution fall into place by time.
  rows.sort((a, b) => a.t - b.t);
  const abbreviations = [...new Set(rows.map((row) => zoneAbbreviation(zone, row.t)))];
  const lines = [
    `All times ${abbreviations.join('/')} (${zone}).${hidden > 0 ? ` ${hidden} internal-only log ${hidden === 1 ? 'entry is' : 'entries are'} not listed.` : ''}`,
    '',
    '| time | contact | action | people |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.cells.map(markdownText).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** What the log said about a section, as a comment for the writer: never counted as content. */
function hintsOf(incident: Incident, kind: 'resolution'): string | undefined {
  const said = incident.entries.filter((e) => e.kind === kind && !e.internal);
  if (said.length === 0) return undefined;
  const lines = said.map((e) => `  ${hhmm(e.at, incident.zone)} ${e.summary}`.replace(/--/g, '–'));
  return [`<!-- From the log:`, ...lines, '-->', FILL_INS.resolution].join('\n');
}

function peopleOf(entry: LogEntry): string[] {
  const names = entry.contacts.map((p: Person) => p.name);
  return entry.direction === 'inbound' ? [...names, entry.author] : [entry.author, ...names];
}

function channelWord(entry: LogEntry): string {
  const way = entry.direction === 'inbound' ? 'from the client' : entry.direction === 'outbound' ? 'to the client' : 'internal';
  return `${entry.channel} ${way}`;
}

function hhmm(t: number, zone: string): string {
  const l = instantToLocal(zone, t);
  return `${pad2(l.hour)}:${pad2(l.minute)}`;
}

function timeWithZone(t: number, zone: string): string {
  return `${hhmm(t, zone)} ${zoneAbbreviation(zone, t)}`;
}

/** `Monday 2 November 2026` */
function longDay(t: number, zone: string): string {
  const l = instantToLocal(zone, t);
  return `${WEEKDAYS[l.weekday - 1]} ${l.day} ${MONTHS[l.month - 1]} ${l.year}`;
}

/** `Mon 2 Nov` */
function shortDay(t: number, zone: string): string {
  const l = instantToLocal(zone, t);
  return `${WEEKDAYS[l.weekday - 1].slice(0, 3)} ${l.day} ${MONTHS[l.month - 1].slice(0, 3)}`;
}

function capitalise(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}
