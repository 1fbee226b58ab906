// The outline of a Markdown document that the report rules and the site need: its headings
// (with their text as a reader sees it) and its task-list items. Found by the fast block scan,
// with a full remark parse for the rare documents the scan cannot decide alone.
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { scanBlocks, type ScannedHeading } from './blockScanner.ts';

export interface OutlineHeading {
  /** 1 to 6. */
  level: number;
  /** The heading's text with inline Markdown resolved (`## **Severity**` has "Severity"). */
  text: string;
  /** 1-based lines in the scanned text; a setext heading spans its content and underline. */
  line: number;
  endLine: number;
}

export interface OutlineTask {
  line: number;
  done: boolean;
  /** The item's first line after the box, as written (Markdown). */
  text: string;
}

export interface MarkdownOutline {
  headings: OutlineHeading[];
  tasks: OutlineTask[];
}

const commonMark = unified().use(remarkParse).freeze();
const TASK = /^\[([ xX])\][ \t]+(\S.*)$/;
/** Characters that may start inline syntax which changes a heading's text. */
const INLINE_SYNTAX = /[\\`*_[<]|&[#A-Za-z]/;
/** A reference link in a heading resolves against definitions anywhere in the document. */
const POSSIBLE_DEFINITION = /\]:/;

/**
 * remark's parse can take minutes on hostile input (thousands of nested lists, tens of
 * thousands of `*a`), so a document above this size is never handed to it: the scan's reading
 * stands, exact but for the rare cases in blockScanner.ts. Reports are a few kilobytes.
 */
const REMARK_LIMIT = 16 * 1024;
/** A heading longer than this matches no required heading, so its inline syntax is left as written. */
const HEADING_REPARSE_LIMIT = 500;

export function outlineMarkdown(text: string): MarkdownOutline {
  const scan = scanBlocks(text);
  const unsure = !scan.exact || (POSSIBLE_DEFINITION.test(text) && scan.headings.some((h) => h.content.some((l) => l.includes('['))));
  if (unsure && text.length <= REMARK_LIMIT) return outlineWithRemark(text);
  return { headings: scan.headings.map(resolveHeading), tasks: scan.tasks };
}

function resolveHeading(heading: ScannedHeading): OutlineHeading {
  const { level, line, endLine } = heading;
  return { level, line, endLine, text: headingText(heading) };
}

function headingText(heading: ScannedHeading): string {
  const { content } = heading;
  if (content.length === 1) {
    const raw = trimSpaceAndTab(content[0]);
    if (!INLINE_SYNTAX.test(raw) || raw.length > HEADING_REPARSE_LIMIT) return raw;
    // Re-read just this heading's content, in a form that keeps its text as it was.
    return remarkHeadingText(heading.setext ? `${content[0]}\n=` : `# ${raw} #`);
  }
  const markdown = `${content.join('\n')}\n=`;
  return markdown.length > HEADING_REPARSE_LIMIT ? trimSpaceAndTab(content.join('\n')) : remarkHeadingText(markdown);
}

function remarkHeadingText(markdown: string): string {
  const heading = commonMark.parse(markdown).children[0];
  return heading?.type === 'heading' ? toString(heading) : trimSpaceAndTab(markdown);
}

function trimSpaceAndTab(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(start, end);
}

/** The outline from a full CommonMark parse (remark-parse). */
export function outlineWithRemark(text: string): MarkdownOutline {
  const headings: OutlineHeading[] = [];
  const tasks: OutlineTask[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const visit = (node: import('mdast').Nodes): void => {
    if (node.type === 'heading') {
      headings.push({ level: node.depth, line: node.position!.start.line, endLine: node.position!.end.line, text: toString(node) });
    } else if (node.type === 'listItem') {
      const first = node.children[0];
      const start = first?.position?.start;
      if (first?.type === 'paragraph' && start && start.line === node.position!.start.line) {
        const task = TASK.exec(lines[start.line - 1].slice(start.column - 1));
        if (task) tasks.push({ line: start.line, done: task[1] !== ' ', text: task[2].trim() });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(commonMark.parse(text));
  return { headings, tasks };
}
