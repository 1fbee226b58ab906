// A commitment typed on the command line: `id=send-logs; action=Send the logs; owner=us; due=2026-11-02T15:00`.
import { parseTimestamp, timestampProblem } from '../time/timestamp.ts';
import type { CommitmentDraft } from './entry.ts';

const KEYS = new Set(['id', 'action', 'owner', 'due']);
export const COMMITMENT_FORM = 'id=send-logs; action=Send the gateway logs; owner=us; due=2026-11-02T15:00';

/** The commitment, or why the text is not one. */
export function parseCommitmentText(text: string, zone: string): CommitmentDraft | string {
  const fields = new Map<string, string>();
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? '' : part.slice(0, eq).trim().toLowerCase();
    if (!KEYS.has(key)) return `"${part.trim()}" is not one of id=, action=, owner=, due= (write ${COMMITMENT_FORM})`;
    fields.set(key, part.slice(eq + 1).trim());
  }
  const id = fields.get('id');
  const action = fields.get('action');
  if (!id || !/^[a-z0-9-]+$/.test(id)) return `a commitment needs an id of lower-case letters, digits and - (write ${COMMITMENT_FORM})`;
  if (!action) return `a commitment needs an action: what will be done (write ${COMMITMENT_FORM})`;
  const dueText = fields.get('due');
  if (dueText !== undefined) {
    const problem = timestampProblem(dueText);
    if (problem) return `due "${dueText}": ${problem}`;
  }
  return { id, action, owner: fields.get('owner') || undefined, due: dueText === undefined ? undefined : parseTimestamp(dueText, zone) };
}
