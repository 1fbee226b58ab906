// YAML with source positions, on js-yaml's event stream: one parse gives both the values and
// the line of every key, so each finding can point at its line. The core schema only: no
// timestamp typing (a bare `2026-11-02 09:05` stays text, read later in the incident's zone).
import { constructFromEvents, CORE_SCHEMA, EVENT_ID, getScalarValue, parseEvents, YAMLException, type Event } from 'js-yaml';

/** Enough aliases for any real document, far too few for an alias bomb ("billion laughs"). */
const MAX_ALIASES = 50;

export type YamlPath = readonly (string | number)[];

export interface ParsedYaml {
  ok: true;
  value: unknown;
  /** 0-based offset in the YAML text of the key (or sequence item) at a path. */
  offsetOf(path: YamlPath): number | undefined;
  /** The top-level keys with their 0-based offsets, in document order. */
  topLevelKeyOffsets(): [key: string, offset: number][];
}

export interface YamlFailure {
  ok: false;
  reason: string;
  /** 0-based offset in the YAML text, where the parser knows it. */
  offset?: number;
}

export function parseYaml(text: string): ParsedYaml | YamlFailure {
  if (text.trim() === '') return { ok: true, value: null, offsetOf: () => undefined, topLevelKeyOffsets: () => [] };
  try {
    const events = parseEvents(text, { maxDepth: 30 });
    const documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: MAX_ALIASES });
    if (documents.length > 1) return { ok: false, reason: 'expected one YAML document, found several' };
    return {
      ok: true,
      value: documents[0] ?? null,
      offsetOf: (path) => findOffset(events, text, path),
      topLevelKeyOffsets: () => keyOffsets(events, text),
    };
  } catch (error) {
    if (error instanceof YAMLException) {
      return { ok: false, reason: error.reason.replace(/maxAliases/, 'the limit on YAML aliases'), offset: error.mark?.position };
    }
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Walks the event stream to the node at `path`; returns the offset of its key or item. */
function findOffset(events: Event[], text: string, path: YamlPath): number | undefined {
  let i = 1; // skip DOCUMENT
  let offset: number | undefined;
  for (const step of path) {
    const container = events[i];
    if (!container) return undefined;
    i++;
    if (container.type === EVENT_ID.MAPPING) {
      let found = false;
      while (i < events.length && events[i].type !== EVENT_ID.POP) {
        const key = events[i];
        if (key.type === EVENT_ID.SCALAR && getScalarValue(text, key) === String(step)) {
          offset = key.valueStart;
          i++;
          found = true;
          break;
        }
        i = skipNode(events, skipNode(events, i));
      }
      if (!found) return offset;
    } else if (container.type === EVENT_ID.SEQUENCE && typeof step === 'number') {
      for (let n = 0; n < step; n++) {
        if (events[i]?.type === EVENT_ID.POP) return offset;
        i = skipNode(events, i);
      }
      const item = events[i];
      if (!item || item.type === EVENT_ID.POP) return offset;
      offset = startOf(item) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function keyOffsets(events: Event[], text: string): [string, number][] {
  const offsets: [string, number][] = [];
  if (events[1]?.type !== EVENT_ID.MAPPING) return offsets;
  let i = 2;
  while (i < events.length && events[i].type !== EVENT_ID.POP) {
    const key = events[i];
    if (key.type === EVENT_ID.SCALAR) offsets.push([getScalarValue(text, key), key.valueStart]);
    i = skipNode(events, skipNode(events, i));
  }
  return offsets;
}

function startOf(event: Event): number | undefined {
  if (event.type === EVENT_ID.SCALAR) return event.valueStart;
  if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
  return undefined;
}

/** Index of the event after the node starting at index i. */
function skipNode(events: Event[], i: number): number {
  const e = events[i];
  if (!e) return i;
  if (e.type !== EVENT_ID.MAPPING && e.type !== EVENT_ID.SEQUENCE) return i + 1;
  let depth = 0;
  do {
    const t = events[i].type;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
    else if (t === EVENT_ID.POP) depth--;
    i++;
  } while (depth > 0 && i < events.length);
  return i;
}

/** 1-based line of a 0-based offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
