// What in a Markdown document would act when GitHub renders it: links, images, raw HTML,
// mentions and issue references. Tests of every Markdown output plant hostile text in the
// data and check that none of it comes alive. Rendered by remark-gfm with literal autolinks,
// as GitHub's cmark-gfm renders; mentions and references as GitHub finds them in the text.
import type { Root, RootContent } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

export interface LiveParts {
  /** Link targets, in order. */
  links: string[];
  images: string[];
  /** Raw HTML tags as written; comments as `<!-- -->`, as their content is inert. */
  html: string[];
  /** `@login` and `@org/team` outside code. */
  mentions: string[];
  /** `#123` outside code. */
  references: string[];
  /** Emphasis, strong, strikethrough elements. */
  emphasis: number;
}

const pipeline = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });

const MENTION = /(?:^|[^\w`])@([a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)?)/gi;
const REFERENCE = /#\d+/g;

export function liveParts(markdown: string): LiveParts {
  const tree = pipeline.runSync(pipeline.parse(markdown)) as Root;
  const parts: LiveParts = { links: [], images: [], html: [], mentions: [], references: [], emphasis: 0 };
  const visit = (node: Root | RootContent, inCode: boolean): void => {
    if (node.type === 'raw') parts.html.push(node.value.startsWith('<!--') ? '<!-- -->' : node.value);
    if (node.type === 'text' && !inCode) {
      for (const m of node.value.matchAll(MENTION)) parts.mentions.push(`@${m[1]}`);
      for (const m of node.value.matchAll(REFERENCE)) parts.references.push(m[0]);
    }
    if (node.type === 'element') {
      if (node.tagName === 'a') parts.links.push(String(node.properties.href));
      if (node.tagName === 'img') parts.images.push(String(node.properties.src));
      if (['em', 'strong', 'del'].includes(node.tagName)) parts.emphasis++;
    }
    if ('children' in node) for (const child of node.children) visit(child, inCode || (node.type === 'element' && node.tagName === 'code'));
  };
  visit(tree, false);
  return parts;
}

/** Text that tries every kind of Markdown and GitHub liveliness at once. */
export const HOSTILE_TEXT =
  '[click](https://evil.example/a) ![px](https://tracker.example/p.gif) <img src=x onerror=alert(1)> ' +
  '@acme/security-team @octocat fixes #12 **loud** _em_ ~~gone~~ www.evil.example https://evil.example/b ' +
  'ana@client.example | pipe `code` $x$ <!-- hidden -->\nsecond line';
