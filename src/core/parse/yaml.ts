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
      offsetOf: offsetFinder(events, text),
      topLevelKeyOffsets: () => keyOffsets(events, text),
    };
  } catch (error) {
    if (error instanceof YAMLException) {
      return { ok: false, reason: error.reason.replace(/maxAliases/, 'the limit on YAML aliases'), offset: error.mark?.position };
    }
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

const PATH_SEPARATOR = '\u0000';
const ROOT = '';
const within = (prefix: string, step: string | number) => prefix + PATH_SEPARATOR + step;

/**
 * The offset of every key and sequence item, by path, from one walk of the event stream, so that
 * the lines of all items of a long list cost one pass, not one walk each (quadratic: a `cc:` of
 * 100,000 items took 89 s). A path the document does not have gets its longest present prefix.
 */
function offsetFinder(events: Event[], text: string): (path: YamlPath) => number | undefined {
  let index: Map<string, number> | undefined;
  return (path) => {
    index ??= offsetIndex(events, text);
    let found: number | undefined;
    let key = ROOT;
    for (const step of path) {
      key = within(key, step);
      const offset = index.get(key);
      if (offset === undefined) break;
      found = offset;
    }
    return found;
  };
}

function offsetIndex(events: Event[], text: string): Map<string, number> {
  const index = new Map<string, number>();
  /** Records the children of the node at index i; returns the index after it. */
  const walk = (i: number, prefix: string): number => {
    const node = events[i];
    if (!node) return i;
    if (node.type === EVENT_ID.MAPPING) {
      i++;
      while (i < events.length && events[i].type !== EVENT_ID.POP) {
        const key = events[i];
        if (key.type !== EVENT_ID.SCALAR) {
          i = skipNode(events, skipNode(events, i));
          continue;
        }
        const path = within(prefix, getScalarValue(text, key));
        // The first of two equal keys, as a walk from the top would find.
        if (index.has(path)) {
          i = skipNode(events, i + 1);
          continue;
        }
        index.set(path, key.valueStart);
        i = walk(i + 1, path);
      }
      return i + 1;
    }
    if (node.type === EVENT_ID.SEQUENCE) {
      i++;
      for (let n = 0; i < events.length && events[i].type !== EVENT_ID.POP; n++) {
        const path = within(prefix, n);
        const start = startOf(events[i]);
        if (start !== undefined) index.set(path, start);
        i = walk(i, path);
      }
      return i + 1;
    }
    return i + 1;
  };
  walk(1, ROOT); // skip DOCUMENT
  return index;
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

/** lineAt for many offsets of one text: the line starts are found once, then each is a binary search. */
export function lineFinder(text: string): (offset: number) => number {
  let newlines: number[] | undefined;
  return (offset) => {
    if (!newlines) {
      newlines = [];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
    }
    // Lines before the offset = newlines at positions < offset.
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (newlines[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}
