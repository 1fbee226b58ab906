// Text for XML documents (the Atom feed). XML 1.0 has no escape for most control characters:
// one in a title made feed.xml malformed, so each is replaced, as are lone surrogates.

// Characters XML 1.0 does not allow, even as references.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text escaped for XML content and attribute values, characters XML cannot hold replaced by U+FFFD. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
