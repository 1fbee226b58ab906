// People as a person types them on the command line (`Ana Silva <ana@client.example>`,
// `ana@client.example`, `Ana Silva`) and as the data writes them.
import type { Person } from '../schema/values.ts';

const NAME_AND_ADDRESS = /^\s*"?([^"<>]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/;
const ADDRESS = /^\s*([^<>\s]+@[^<>\s]+)\s*$/;

export function parsePerson(text: string): Person {
  const named = NAME_AND_ADDRESS.exec(text);
  if (named) return { name: named[1].trim() || named[2], email: named[2] };
  const address = ADDRESS.exec(text);
  if (address) return { name: address[1], email: address[1] };
  return { name: text.trim() };
}

/** `Name <address>` for a cc line; the bare address when the name is the address. */
export function mailbox(person: Person): string | undefined {
  if (!person.email) return undefined;
  return person.name === person.email ? person.email : `${person.name} <${person.email}>`;
}

/** The address inside `Name <address>`, lower-case, for comparing. */
export function addressOf(mailboxText: string): string {
  const inside = /<([^<>]+)>\s*$/.exec(mailboxText);
  return (inside ? inside[1] : mailboxText).trim().toLowerCase();
}

/** A person as frontmatter: a plain name when that is all there is. */
export function personField(person: Person): string | Person {
  const fields = Object.fromEntries(Object.entries(person).filter(([, v]) => v !== undefined && v !== '')) as Person;
  return Object.keys(fields).length === 1 ? fields.name : fields;
}

/** Mailboxes without repeats of the same address, first spelling kept. */
export function uniqueMailboxes(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = addressOf(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
