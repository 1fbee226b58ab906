// A name taken from the file system (a folder or file under incidents/), shown in findings,
// reports and annotations: any character is allowed there, including line breaks and the
// bidirectional controls that make text read differently from what it holds.

/** Control, format (bidi, zero-width), line and paragraph separator characters, and `\`. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\]/gu;

/**
 * The name with each such character written as `\u{…}` (and `\` as `\\`): one line, read as
 * it is stored, and distinct names stay distinct. A valid incident id is returned unchanged.
 */
export function printableName(name: string): string {
  return name.replace(UNPRINTABLE, (c) => (c === '\\' ? '\\\\' : `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`));
}
