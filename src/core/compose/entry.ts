// `commlog new entry` and `commlog import-email`: the answers -> a log entry file. The policy's
// part is here: the project manager copied on written channels, and for an outbound update a
// `next_update_by` proposed as the earliest deadline `due` would give right after it.
import { cadenceContext } from '../cadence/context.ts';
import type { Config } from '../config/config.ts';
import { policyOf } from '../config/policyLookup.ts';
import type { Incident } from '../model.ts';
import { proposeNextUpdateBy } from '../obligations/due.ts';
import type { Channel, Direction, Kind, Person, Priority } from '../schema/values.ts';
import { instantToLocal, pad2 } from '../time/zone.ts';
import { markdownFile } from './markdownFile.ts';
import { mailbox, personField, uniqueMailboxes } from './person.ts';
import { timestampText } from './timestampText.ts';

export interface CommitmentDraft {
  id: string;
  action: string;
  owner?: string;
  /** Epoch ms. */
  due?: number;
}

export interface EntryDraft {
  /** Epoch ms. */
  at: number;
  direction: Direction;
  channel: Channel;
  contacts: Person[];
  author: string;
  summary: string;
  kind?: Kind;
  cc?: string[];
  /** Epoch ms. */
  nextUpdateBy?: number;
  priority?: Priority;
  commitments?: CommitmentDraft[];
  done?: string[];
  feedback?: { rating?: number; comment?: string };
  verbatim?: string;
  category?: string;
  corrects?: string;
  /** The Message-ID of the e-mail it was imported from, without `<>`. */
  messageId?: string;
  /** The id of the post it was imported from, in its source (a status page). */
  sourceId?: string;
  /** We asked the client for something and wait for it (policies.md); outbound only. */
  awaiting?: 'client';
  visibility?: 'public' | 'internal';
  body?: string;
}

/** What the policy adds to an entry, so the command can say so. */
export interface PolicyDefaults {
  /** The project manager was added to `cc`. */
  pmCopied: boolean;
  /** `next_update_by` was proposed (not given). */
  proposedNextUpdate: boolean;
}

/** An update that must say when the next one comes (rule next-update-missing): not after resolution. */
export function owesNextUpdateTime(draft: Pick<EntryDraft, 'at' | 'direction' | 'kind'>, incident: Pick<Incident, 'resolvedAt'>): boolean {
  const unresolved = incident.resolvedAt === undefined || draft.at < incident.resolvedAt;
  return unresolved && draft.direction === 'outbound' && (draft.kind ?? 'update') !== 'resolution';
}

/**
 * Whether an outbound entry at `at` may pause the cadence by awaiting the client: the priority
 * in force then (this entry's own re-triage included) is pausable in the incident's policy.
 */
export function canAwaitClient(incident: Incident, at: number, config: Config, priority?: Priority): boolean {
  const ctx = cadenceContext(incident, { config, now: at });
  return ctx.policy(priority ?? ctx.priorityAt(at)).pausable;
}

/** The project manager's mailbox for written channels, and the proposed next update time. */
export function applyPolicyDefaults(draft: EntryDraft, incident: Incident, config: Config): { draft: EntryDraft; defaults: PolicyDefaults } {
  const out = { ...draft };
  const defaults: PolicyDefaults = { pmCopied: false, proposedNextUpdate: false };
  const pm = mailbox(incident.pm);
  if (draft.direction === 'outbound' && pm && policyOf(config, incident).policy.pmCcChannels.includes(draft.channel)) {
    const cc = uniqueMailboxes([pm, ...(draft.cc ?? [])]);
    defaults.pmCopied = cc.length > (draft.cc ?? []).length;
    out.cc = cc;
  }
  // An update awaiting the client on a pausable priority needs no next_update_by (policies.md).
  const paused = draft.awaiting === 'client' && canAwaitClient(incident, draft.at, config, draft.priority);
  if (draft.nextUpdateBy === undefined && !paused && owesNextUpdateTime(draft, incident)) {
    out.nextUpdateBy = proposeNextUpdateBy(incident, draft.at, config);
    defaults.proposedNextUpdate = out.nextUpdateBy !== undefined;
  }
  return { draft: out, defaults };
}

/** `2026-11-02T0905-email-out`: sorts by time; the `.md` and any `-2` are added by the writer. */
export function entryBaseName(draft: Pick<EntryDraft, 'at' | 'channel' | 'direction'>, zone: string): string {
  const l = instantToLocal(zone, draft.at);
  const way = draft.direction === 'inbound' ? 'in' : draft.direction === 'outbound' ? 'out' : 'note';
  return `${l.date}T${pad2(l.hour)}${pad2(l.minute)}-${draft.channel}-${way}`;
}

export function entryFileText(draft: EntryDraft, zone: string): string {
  const time = (t: number | undefined) => (t === undefined ? undefined : timestampText(t, zone));
  const contacts = draft.contacts.map(personField);
  const fields = {
    at: time(draft.at),
    direction: draft.direction,
    channel: draft.channel,
    contact: contacts.length === 0 ? undefined : contacts.length === 1 ? contacts[0] : contacts,
    cc: draft.cc,
    author: draft.author,
    kind: draft.kind,
    summary: draft.summary,
    next_update_by: time(draft.nextUpdateBy),
    awaiting: draft.awaiting,
    priority: draft.priority,
    commitments: draft.commitments?.map((c) => ({ id: c.id, action: c.action, owner: c.owner, due: time(c.due) })),
    done: draft.done,
    feedback: draft.feedback,
    verbatim: draft.verbatim,
    category: draft.category,
    corrects: draft.corrects,
    message_id: draft.messageId,
    source_id: draft.sourceId,
    visibility: draft.visibility,
  };
  return markdownFile(fields, draft.body ?? '');
}
