// The author's own words in a Markdown text, block by block (quality.md, wording and
// report-blame): block quotes (with their lazy continuation lines), code blocks, inline code
// spans and raw HTML are someone else's words or not words at all. remark reads the structure,
// so a quote is a quote however it is written.
import type { Nodes, Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markdownLimitProblem } from '../render/limits.ts';

/**
 * Stands where an excluded inline part was (a code span, inline HTML, an image): not a letter,
 * digit or space, so no phrase and no word runs across it, and it ends no sentence.
 */
export const GAP = '\uFFFC';

/** One block of the author's text: a paragraph, a heading or a table cell. */
export interface TextBlock {
  text: string;
  /** 1-based line in the file of each character of `text`. */
  lineAt(index: number): number;
}

const commonMark = unified().use(remarkParse).freeze();
const withTables = unified()
  .use(remarkParse)
  .use(function tables(this: { data(): { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] } }) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  })
  .freeze();

/** Inline parts that are not the author's words. */
const EXCLUDED_INLINE = new Set(['inlineCode', 'html', 'image', 'imageReference']);
/** Blocks that are not the author's words. */
const EXCLUDED_BLOCK = new Set(['blockquote', 'code', 'html']);
/** Blocks whose inline content is one text. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * The blocks of the author's words in `markdown`, whose first line is `firstLine` of its file.
 * A text over the Markdown limits gives none: its schema finding already says so, and remark
 * would take too long on it.
 */
export function authorTextBlocks(markdown: string, firstLine: number): TextBlock[] {
  if (markdownLimitProblem(markdown)) return [];
  const tree: Root = (markdown.includes('|') ? withTables : commonMark).parse(markdown);
  const blocks: TextBlock[] = [];
  const visitBlock = (node: Nodes): void => {
    if (EXCLUDED_BLOCK.has(node.type)) return;
    if (TEXT_BLOCKS.has(node.type)) {
      const block = inlineText(node, firstLine - 1);
      if (block) blocks.push(block);
      return;
    }
    if ('children' in node) for (const child of node.children) visitBlock(child);
  };
  visitBlock(tree);
  return blocks;
}

/** A one-line Markdown text kept in a YAML field (an entry's summary): every block at the field's line. */
export function fieldTextBlocks(markdown: string, line: number): TextBlock[] {
  return authorTextBlocks(markdown, 1).map((block) => ({ text: block.text, lineAt: () => line }));
}

function inlineText(block: Nodes, lineOffset: number): TextBlock | undefined {
  let text = '';
  // Where each run of text starts in `text`, and at which line of the file.
  const starts: number[] = [];
  const lines: number[] = [];
  const visit = (node: Nodes): void => {
    if (EXCLUDED_INLINE.has(node.type)) {
      text += GAP;
      return;
    }
    if (node.type === 'text') {
      starts.push(text.length);
      lines.push(node.position!.start.line + lineOffset);
      text += node.value;
      return;
    }
    if (node.type === 'break') {
      text += '\n';
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(block);
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  return {
    text,
    lineAt(index: number): number {
      let run = starts.length - 1;
      while (run > 0 && starts[run] > index) run--;
      if (run < 0 || starts[run] > index) return lines[0];
      let line = lines[run];
      for (let i = starts[run]; i < index; i++) if (text[i] === '\n') line++;
      return line;
    },
  };
}
