// Text as the site displays it. Bidirectional embedding, override and isolate controls can make
// a title read as something else ("Refund fraud‮gnp.exe"): they are shown as visible marks.
// Left-to-right and right-to-left marks (U+200E, U+200F, U+061C) only position neutral
// characters and stay.

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The text with every bidi control written as a visible `[U+202E]`. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase()}]`);
}
