// The loaded, validated data: what rules, metrics and the site work on. Timestamps are
// instants (epoch milliseconds) resolved in the incident's zone.
import type { ReportDocument } from './report/reportDocument.ts';
import type { Channel, Direction, Kind, Person, Priority, Severity, Status, Triage } from './schema/values.ts';

/** A file as the adapters hand it to the core: its path relative to the root and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A file the adapter could not turn into text (not UTF-8, too large, unreadable). */
export interface UnreadableFile {
  path: string;
  problem: string;
}

export type InputFile = SourceFile | UnreadableFile;

export function isUnreadable(file: InputFile): file is UnreadableFile {
  return 'problem' in file;
}

/**
 * One incident folder as read from disk, before parsing. `F` is what each file became: the core
 * reads `InputFile`s; the site's build cache first names some files by their git blob instead.
 */
export interface IncidentFiles<F = InputFile> {
  id: string;
  /** `incidents/<id>` */
  dir: string;
  incident?: F;
  report?: F;
  /** Every `*.md` directly in `log/`. */
  entries: F[];
  /** `.md` files at the incident's top level other than incident.md and report.md. */
  strays: string[];
  /** Why the folder itself is not read (it is a symbolic link): it then has no files. */
  refusal?: string;
  /** Files and folders in it refused unread (symbolic links, misnamed entries), each with why. */
  refused?: UnreadableFile[];
}

/** The same folder with each of its files turned into a `G`. */
export function mapIncidentFiles<F, G>(files: IncidentFiles<F>, to: (file: F) => G): IncidentFiles<G> {
  const { incident, report, entries, ...rest } = files;
  const mapped: IncidentFiles<G> = { ...rest, entries: entries.map(to) };
  if (incident !== undefined) mapped.incident = to(incident);
  if (report !== undefined) mapped.report = to(report);
  return mapped;
}

/** Line numbers of the top-level keys of a file's frontmatter (1-based, in the file). */
export type KeyLines = Partial<Record<string, number>>;

export interface Commitment {
  id: string;
  action: string;
  /** `us` (default), `client` or a name. */
  owner: string;
  due?: number;
  /** The entry that made it. */
  file: string;
  line?: number;
  madeAt: number;
}

export interface Feedback {
  rating?: number;
  comment?: string;
}

export interface LogEntry {
  /** Path relative to the root. */
  file: string;
  /** File name within `log/`: the tie-breaker for equal times, and what `corrects:` names. */
  name: string;
  keyLines: KeyLines;
  at: number;
  direction: Direction;
  channel: Channel;
  /** Defaulted: update (outbound), report (inbound), note (internal). */
  kind: Kind;
  contacts: Person[];
  author: string;
  summary: string;
  cc: string[];
  nextUpdateBy?: number;
  priority?: Priority;
  commitments: Commitment[];
  done: string[];
  feedback?: Feedback;
  verbatim?: string;
  category?: string;
  corrects?: string;
  /** The Message-ID (without `<>`) of the e-mail the entry was imported from. */
  messageId?: string;
  /** `awaiting: client` on an outbound entry: we wait for the client from `at` (policies.md). */
  awaiting?: 'client';
  /** The id of the post it was imported from (import-statuspage). */
  sourceId?: string;
  internal: boolean;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

export interface Incident {
  id: string;
  dir: string;
  /** `incidents/<id>/incident.md` */
  file: string;
  keyLines: KeyLines;
  /** IANA zone: the incident's `timezone`, else the config's. */
  zone: string;
  title: string;
  client: string;
  openedAt: number;
  reporter: Person;
  priority: Priority;
  severity?: Severity;
  /** The answer to the triage question; it implies a priority at `opened_at` (rule priority-triage). */
  triage?: Triage;
  status: Status;
  resolvedAt?: number;
  pm: Person;
  owner?: string;
  backup?: string;
  category?: string;
  tags: string[];
  related: string[];
  internal: boolean;
  body: string;
  /** Valid entries in log order: by `at`, equal times by file name. */
  entries: LogEntry[];
  report?: ReportDocument;
}
