import { checkIncident, type IncidentSummary } from '../core/check.ts';
import type { Config } from '../core/config/config.ts';
import type { Finding } from '../core/findings.ts';
import type { LogHistory } from '../core/quality/logHistory.ts';
import type { LoggedMessage } from '../core/load/repeatedMessages.ts';
import { readIncidentFiles } from './repository.ts';

/** One share of a check: plain data, so it can be sent to a worker thread. */
export interface IncidentsToCheck {
  root: string;
  now: number;
  config: Config;
  ids: readonly string[];
  knownIds: readonly string[];
  /** When each entry was committed, for late-log; absent outside a git work tree. */
  logHistory?: LogHistory;
}

export interface CheckedIncidents {
  summaries: IncidentSummary[];
  findings: Finding[];
  /** Entries imported from e-mail, for the repository-wide repeated message_id warning. */
  messages: LoggedMessage[];
}

export function checkIncidents(job: IncidentsToCheck): CheckedIncidents {
  const context = { config: job.config, now: job.now, knownIds: new Set(job.knownIds), logHistory: job.logHistory };
  const summaries: IncidentSummary[] = [];
  const findings: Finding[] = [];
  const messages: LoggedMessage[] = [];
  for (const id of job.ids) {
    const result = checkIncident(readIncidentFiles(job.root, id), context);
    summaries.push(result.summary);
    for (const f of result.findings) findings.push(f);
    for (const e of result.incident?.entries ?? []) {
      if (e.messageId !== undefined) messages.push({ messageId: e.messageId, incident: id, file: e.file, at: e.at, line: e.keyLines.message_id });
    }
  }
  return { summaries, findings, messages };
}
