// report.md as the rules and the site read it: its frontmatter, its headings and its task-list
// items, with lines in the file. Plain data (it crosses worker threads), independent of the
// config: which heading is which required section is resolved by sections.ts.
import type { ReportFrontmatter } from '../schema/report.ts';
import { headingKey } from './headingMatch.ts';
import { outlineMarkdown } from './markdownOutline.ts';

/** What the loader hands over: the file's body after its frontmatter, and the validated frontmatter. */
export interface ReportSource {
  file: string;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  frontmatter: ReportFrontmatter;
}

export interface ReportHeading {
  /** 1 to 6. */
  level: number;
  /** As a reader sees it: inline Markdown resolved (`## **Severity**` is "Severity"). */
  text: string;
  /** The form in which headings are compared with the required ones (headingMatch.ts). */
  key: string;
  /** 1-based lines in the file; a setext heading spans its text and its underline. */
  line: number;
  endLine: number;
}

/** A task-list item (`- [ ] …`, `- [x] …`) anywhere in the body. */
export interface ReportTask {
  line: number;
  done: boolean;
  /** The item's first line after the box (Markdown). */
  text: string;
}

export interface ReportDocument {
  /** Path relative to the root. */
  file: string;
  frontmatter: ReportFrontmatter;
  /** The Markdown after the frontmatter, for the site to render. */
  body: string;
  bodyLine: number;
  /** In document order, including headings inside lists and block quotes, never inside code. */
  headings: ReportHeading[];
  tasks: ReportTask[];
}

export function parseReport(source: ReportSource): ReportDocument {
  const { file, body, bodyLine, frontmatter } = source;
  const outline = outlineMarkdown(body);
  const offset = bodyLine - 1;
  return {
    file,
    frontmatter,
    body,
    bodyLine,
    headings: outline.headings.map((h) => ({ level: h.level, text: h.text, key: headingKey(h.text), line: h.line + offset, endLine: h.endLine + offset })),
    tasks: outline.tasks.map((t) => ({ line: t.line + offset, done: t.done, text: t.text })),
  };
}
