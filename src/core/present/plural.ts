// Counts for people: "1 incident", "2 incidents" — never "1 incidents" or "incident(s)".

/** `count` and the noun in the right number; `pluralForm` for nouns that do not just add "s". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
