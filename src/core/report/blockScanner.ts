// A fast scan of Markdown's block structure that finds only what the report rules need: ATX
// and setext headings and task-list items, exactly as CommonMark's block algorithm places them
// (containers, fenced and indented code, HTML blocks, lazy continuation). It follows the
// reference implementation's block phase (commonmark.js) and skips the inline phase, which is
// most of a full parse's cost. When a document uses something this scan cannot decide without
// inline parsing (a setext heading that may open with link reference definitions), it says
// its reading is not exact, and the caller may parse the document fully.

/** A heading as found: its content is raw Markdown, inline syntax not yet resolved. */
export interface ScannedHeading {
  level: number;
  /** 1-based lines of the heading in the scanned text: setext headings span several. */
  line: number;
  endLine: number;
  /**
   * ATX: the content line; setext: each content line within its containers, continuation lines
   * with their indentation (code spans keep it, and it keeps them continuation lines).
   */
  content: string[];
  setext: boolean;
}

export interface ScannedTask {
  line: number;
  done: boolean;
  /** The item's text after the box, as written. */
  text: string;
}

export interface BlockScan {
  headings: ScannedHeading[];
  tasks: ScannedTask[];
  /** False when CommonMark (as remark reads it) may place a heading differently. */
  exact: boolean;
}

/** `closedLeaf`: a heading or thematic break, which ends on its own line. */
type BlockType = 'document' | 'blockQuote' | 'list' | 'item' | 'paragraph' | 'fencedCode' | 'indentedCode' | 'html' | 'closedLeaf';

interface Block {
  type: BlockType;
  parent: Block | undefined;
  /** The block's last child while that child is open. */
  openChild: Block | undefined;
  hasChild: boolean;
  // list and item
  listKind?: 'bullet' | 'ordered';
  marker?: string;
  markerOffset?: number;
  padding?: number;
  // fenced code
  fenceChar?: string;
  fenceLength?: number;
  fenceOffset?: number;
  // html
  htmlType?: number;
  // paragraph
  startLine?: number;
  lines?: string[];
}

const CODE_INDENT = 4;
/** Characters that may start a block other than a paragraph. */
const MAYBE_SPECIAL = new Set('#`~*+_=<>0123456789-');
const ATX_MARKER = /^#{1,6}(?:[ \t]+|$)/;
const CODE_FENCE = /^`{3,}(?!.*`)|^~{3,}/;
const CLOSING_FENCE = /^(?:`{3,}|~{3,})(?=[ \t]*$)/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const EQUALS_LINE = /^[ \t]*=+[ \t]*$/;
const THEMATIC_BREAK = /^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$|^(?:-[ \t]*){3,}$/;
const BULLET_MARKER = /^[*+-]/;
const ORDERED_MARKER = /^(\d{1,9})([.)])/;
const TASK = /^\[([ xX])\][ \t]+(\S.*)$/;
const NON_SPACE = /[^ \t\f\v\r\n]/;

const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const ATTRIBUTE = '(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*"))?)';
const OPEN_TAG = `[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*/?>`;
const CLOSE_TAG = '/[A-Za-z][A-Za-z0-9-]*\\s*[>]';

/** Start conditions of the seven kinds of HTML block, by kind (index 0 unused). */
const HTML_BLOCK_OPEN = [
  /./,
  /^<(?:script|pre|textarea|style)(?:\s|>|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  new RegExp(`^<[/]?(?:${HTML_BLOCK_TAGS})(?:\\s|[/]?[>]|$)`, 'i'),
  new RegExp(`^(?:<${OPEN_TAG}|<${CLOSE_TAG})\\s*$`, 'i'),
];

/** End conditions of the kinds that end on a marker rather than a blank line. */
const HTML_BLOCK_CLOSE = [/./, /<\/(?:script|pre|textarea|style)>/i, /-->/, /\?>/, />/, /\]\]>/];

function isSpaceOrTab(c: string): boolean {
  return c === ' ' || c === '\t';
}

export function scanBlocks(text: string): BlockScan {
  return new BlockScanner().scan(text);
}

class BlockScanner {
  private headings: ScannedHeading[] = [];
  private tasks: ScannedTask[] = [];
  private document: Block = newBlock('document', undefined);
  private tip: Block = this.document;
  private oldTip: Block = this.document;
  private lastMatched: Block = this.document;
  private allClosed = true;
  private unsure = false;
  private line = '';
  private lineNumber = 0;
  /** A run of spaces and tabs found in this line: [start, end), and whether it has a tab. */
  private runStart = -1;
  private runEnd = -1;
  private runHasTab = false;
  private offset = 0;
  private column = 0;
  private nextNonspace = 0;
  private nextNonspaceColumn = 0;
  private indent = 0;
  private indented = false;
  private blank = false;
  private partiallyConsumedTab = false;

  scan(text: string): BlockScan {
    const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) this.incorporateLine(line);
    while (this.tip !== this.document) this.finalize(this.tip);
    return { headings: this.headings, tasks: this.tasks, exact: !this.unsure };
  }

  private incorporateLine(line: string): void {
    this.line = line;
    this.runStart = -1;
    this.lineNumber++;
    this.offset = 0;
    this.column = 0;
    this.blank = false;
    this.partiallyConsumedTab = false;
    this.oldTip = this.tip;

    let container = this.document;
    while (container.openChild) {
      const child = container.openChild;
      this.findNextNonspace();
      const result = this.continues(child);
      if (result === 'consumed') return;
      if (result === 'unmatched') break;
      container = child;
    }
    this.allClosed = container === this.oldTip;
    this.lastMatched = container;
    const contentStart = this.offset;
    const contentTab = this.partiallyConsumedTab;
    const afterContainers = () => (contentTab ? ' ' : '') + line.slice(contentStart);

    let matchedLeaf = container.type !== 'paragraph' && acceptsLines(container.type);
    while (!matchedLeaf) {
      this.findNextNonspace();
      if (!this.indented && !MAYBE_SPECIAL.has(line[this.nextNonspace])) {
        this.advanceNextNonspace();
        break;
      }
      const started = this.startBlock(container);
      if (started === 'none') {
        this.advanceNextNonspace();
        break;
      }
      container = this.tip;
      if (started === 'leaf') matchedLeaf = true;
    }

    if (!this.allClosed && !this.blank && this.tip.type === 'paragraph') {
      this.tip.lines!.push(afterContainers());
      return;
    }
    this.closeUnmatchedBlocks();
    if (container.type === 'paragraph') {
      container.lines!.push(afterContainers());
    } else if (container.type === 'html') {
      const kind = container.htmlType!;
      if (kind <= 5 && HTML_BLOCK_CLOSE[kind].test(line.slice(this.offset))) this.finalize(container);
    } else if (acceptsLines(container.type)) {
      // code: its lines are not needed
    } else if (this.offset < line.length && !this.blank) {
      const paragraph = this.addChild('paragraph');
      paragraph.startLine = this.lineNumber;
      paragraph.lines = [];
      this.advanceNextNonspace();
      paragraph.lines!.push(line.slice(this.offset));
    }
  }

  /** Whether an open block goes on in this line: commonmark.js's `continue` of each block. */
  private continues(block: Block): 'matched' | 'unmatched' | 'consumed' {
    const line = this.line;
    switch (block.type) {
      case 'document':
      case 'list':
        return 'matched';
      case 'blockQuote':
        if (!this.indented && line[this.nextNonspace] === '>') {
          this.advanceNextNonspace();
          this.advanceOffset(1, false);
          if (isSpaceOrTab(line[this.offset] ?? '')) this.advanceOffset(1, true);
          return 'matched';
        }
        return 'unmatched';
      case 'item':
        if (this.blank) {
          if (!block.hasChild) return 'unmatched';
          this.advanceNextNonspace();
          return 'matched';
        }
        if (this.indent >= block.markerOffset! + block.padding!) {
          this.advanceOffset(block.markerOffset! + block.padding!, true);
          return 'matched';
        }
        return 'unmatched';
      case 'fencedCode': {
        const rest = line.slice(this.nextNonspace);
        const closing = this.indent <= 3 && rest[0] === block.fenceChar ? CLOSING_FENCE.exec(rest) : null;
        if (closing && closing[0].length >= block.fenceLength! && closing[0][0] === block.fenceChar) {
          this.finalize(block);
          return 'consumed';
        }
        let skip = block.fenceOffset!;
        while (skip > 0 && isSpaceOrTab(line[this.offset] ?? '')) {
          this.advanceOffset(1, true);
          skip--;
        }
        return 'matched';
      }
      case 'indentedCode':
        if (this.indent >= CODE_INDENT) {
          this.advanceOffset(CODE_INDENT, true);
          return 'matched';
        }
        if (this.blank) {
          this.advanceNextNonspace();
          return 'matched';
        }
        return 'unmatched';
      case 'html':
        return this.blank && (block.htmlType === 6 || block.htmlType === 7) ? 'unmatched' : 'matched';
      case 'paragraph':
        return this.blank ? 'unmatched' : 'matched';
      case 'closedLeaf':
        return 'unmatched';
    }
  }

  /** Tries each kind of block start in CommonMark's order of precedence. */
  private startBlock(container: Block): 'container' | 'leaf' | 'none' {
    const line = this.line;
    const rest = line.slice(this.nextNonspace);
    const first = rest[0];
    if (!this.indented) {
      if (first === '>') {
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        if (isSpaceOrTab(line[this.offset] ?? '')) this.advanceOffset(1, true);
        this.closeUnmatchedBlocks();
        this.addChild('blockQuote');
        return 'container';
      }
      const atx = first === '#' ? ATX_MARKER.exec(rest) : null;
      if (atx) {
        this.advanceNextNonspace();
        this.advanceOffset(atx[0].length, false);
        this.closeUnmatchedBlocks();
        this.finalize(this.addChild('closedLeaf'));
        const content = withoutClosingSequence(line.slice(this.offset));
        this.headings.push({ level: atx[0].trim().length, line: this.lineNumber, endLine: this.lineNumber, content: [content], setext: false });
        this.offset = line.length;
        return 'leaf';
      }
      const fence = first === '`' || first === '~' ? CODE_FENCE.exec(rest) : null;
      if (fence) {
        this.closeUnmatchedBlocks();
        const code = this.addChild('fencedCode');
        code.fenceChar = fence[0][0];
        code.fenceLength = fence[0].length;
        code.fenceOffset = this.indent;
        this.advanceNextNonspace();
        this.advanceOffset(fence[0].length, false);
        return 'leaf';
      }
      if (first === '<') {
        for (let kind = 1; kind <= 7; kind++) {
          if (!HTML_BLOCK_OPEN[kind].test(rest)) continue;
          if (kind === 7 && container.type === 'paragraph') continue;
          if (kind === 7 && !this.allClosed && !this.blank && this.tip.type === 'paragraph') {
            // micromark (remark's parser) starts it on a lazy line, inside the lazy paragraph's
            // containers, where commonmark.js would continue the paragraph.
            this.finalize(this.tip);
            this.allClosed = true;
          }
          this.closeUnmatchedBlocks();
          this.addChild('html').htmlType = kind;
          return 'leaf';
        }
      }
      if (container.type === 'paragraph' && (first === '=' || first === '-') && lastNonspace(line) === first && SETEXT_UNDERLINE.test(rest)) {
        // Link reference definitions at the start of the paragraph are not heading content;
        // telling them apart needs the inline grammar of destinations and titles. A lazy `===`
        // line would read as an underline when the content is parsed again on its own.
        if (container.lines![0].startsWith('[') || container.lines!.some((l) => EQUALS_LINE.test(l))) this.unsure = true;
        this.closeUnmatchedBlocks();
        this.headings.push({
          level: first === '=' ? 1 : 2,
          line: container.startLine!,
          endLine: this.lineNumber,
          content: container.lines!,
          setext: true,
        });
        container.lines = [];
        this.finalize(container);
        this.offset = line.length;
        return 'leaf';
      }
      // Checking the last character first keeps `- - - … x` (one item in another) linear.
      if ((first === '*' || first === '_' || first === '-') && lastNonspace(line) === first && THEMATIC_BREAK.test(rest)) {
        this.closeUnmatchedBlocks();
        this.finalize(this.addChild('closedLeaf'));
        this.offset = line.length;
        return 'leaf';
      }
    }
    if (!this.indented || container.type === 'list') {
      const item = this.parseListMarker(container);
      if (item) {
        this.closeUnmatchedBlocks();
        if (this.tip.type !== 'list' || !listsMatch(container, item)) {
          const list = this.addChild('list');
          list.listKind = item.listKind;
          list.marker = item.marker;
        }
        const block = this.addChild('item');
        Object.assign(block, item);
        this.recordTask();
        return 'container';
      }
    }
    if (this.indented && this.tip.type !== 'paragraph' && !this.blank) {
      this.advanceOffset(CODE_INDENT, true);
      this.closeUnmatchedBlocks();
      this.addChild('indentedCode');
      return 'leaf';
    }
    return 'none';
  }

  private parseListMarker(container: Block): Pick<Block, 'listKind' | 'marker' | 'markerOffset' | 'padding'> | undefined {
    const line = this.line;
    const rest = line.slice(this.nextNonspace);
    if (this.indent >= 4) return undefined;
    const interrupting = container.type === 'paragraph';
    let match: RegExpExecArray | null;
    let listKind: 'bullet' | 'ordered';
    let marker: string;
    let startsWithOne = true;
    if ((match = BULLET_MARKER.exec(rest))) {
      listKind = 'bullet';
      marker = match[0];
    } else if ((match = ORDERED_MARKER.exec(rest))) {
      listKind = 'ordered';
      marker = match[2];
      startsWithOne = Number(match[1]) === 1;
      if (interrupting && !startsWithOne) return undefined;
    } else {
      return undefined;
    }
    const after = line[this.nextNonspace + match[0].length];
    if (!(after === undefined || after === '\t' || after === ' ')) return undefined;
    const empty = !NON_SPACE.test(line.slice(this.nextNonspace + match[0].length));
    if (interrupting && empty) return undefined;
    // micromark sometimes lets such an item interrupt indented code as if it were a paragraph.
    if (this.tip.type === 'indentedCode' && (empty || !startsWithOne)) this.unsure = true;
    const markerOffset = this.indent;
    this.advanceNextNonspace();
    this.advanceOffset(match[0].length, true);
    const spacesStartColumn = this.column;
    const spacesStartOffset = this.offset;
    do {
      this.advanceOffset(1, true);
    } while (this.column - spacesStartColumn < 5 && isSpaceOrTab(line[this.offset] ?? ''));
    const blankItem = line[this.offset] === undefined;
    const spacesAfterMarker = this.column - spacesStartColumn;
    let padding: number;
    if (spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem) {
      padding = match[0].length + 1;
      this.column = spacesStartColumn;
      this.offset = spacesStartOffset;
      if (isSpaceOrTab(line[this.offset] ?? '')) this.advanceOffset(1, true);
    } else {
      padding = match[0].length + spacesAfterMarker;
    }
    return { listKind, marker, markerOffset, padding };
  }

  /** A list item whose first line opens with `[ ]` or `[x]` is a task (GitHub's task lists). */
  private recordTask(): void {
    // Content indented further is indented code, not a task.
    const task = TASK.exec(this.line.slice(this.offset));
    if (task) this.tasks.push({ line: this.lineNumber, done: task[1] !== ' ', text: task[2].trim() });
  }

  private addChild(type: BlockType): Block {
    while (!canContain(this.tip.type, type)) this.finalize(this.tip);
    const block = newBlock(type, this.tip);
    this.tip.openChild = block;
    this.tip.hasChild = true;
    this.tip = block;
    return block;
  }

  private finalize(block: Block): void {
    const parent = block.parent!;
    if (parent.openChild === block) parent.openChild = undefined;
    this.tip = parent;
  }

  private closeUnmatchedBlocks(): void {
    if (this.allClosed) return;
    while (this.oldTip !== this.lastMatched) {
      const parent = this.oldTip.parent!;
      this.finalize(this.oldTip);
      this.oldTip = parent;
    }
    this.allClosed = true;
  }

  private findNextNonspace(): void {
    const line = this.line;
    let i = this.offset;
    let columns = this.column;
    if (i >= this.runStart && i <= this.runEnd && !this.runHasTab && this.runStart !== -1) {
      // Deeply nested containers skip the same indentation once per level: measure it once.
      columns += this.runEnd - i;
      i = this.runEnd;
    } else {
      let c: string | undefined;
      let tab = false;
      while ((c = line[i]) !== undefined) {
        if (c === ' ') {
          i++;
          columns++;
        } else if (c === '\t') {
          tab = true;
          i++;
          columns += 4 - (columns % 4);
        } else {
          break;
        }
      }
      this.runStart = this.offset;
      this.runEnd = i;
      this.runHasTab = tab;
    }
    this.blank = i >= line.length;
    this.nextNonspace = i;
    this.nextNonspaceColumn = columns;
    this.indent = columns - this.column;
    this.indented = this.indent >= CODE_INDENT;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
    this.partiallyConsumedTab = false;
  }

  private advanceOffset(count: number, columns: boolean): void {
    const line = this.line;
    let c: string | undefined;
    while (count > 0 && (c = line[this.offset]) !== undefined) {
      if (c === '\t') {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          this.partiallyConsumedTab = toTab > count;
          const advance = toTab > count ? count : toTab;
          this.column += advance;
          this.offset += this.partiallyConsumedTab ? 0 : 1;
          count -= advance;
        } else {
          this.partiallyConsumedTab = false;
          this.column += toTab;
          this.offset += 1;
          count -= 1;
        }
      } else {
        this.partiallyConsumedTab = false;
        this.offset += 1;
        this.column += 1;
        count -= 1;
      }
    }
  }
}

function lastNonspace(line: string): string | undefined {
  let end = line.length;
  while (end > 0 && isSpaceOrTab(line[end - 1])) end--;
  return line[end - 1];
}

/** An ATX heading's content without its optional closing `#`s (and the spaces before them). */
function withoutClosingSequence(content: string): string {
  let end = content.length;
  while (end > 0 && isSpaceOrTab(content[end - 1])) end--;
  let i = end;
  while (i > 0 && content[i - 1] === '#') i--;
  if (i === end) return content;
  if (i === 0) return '';
  return isSpaceOrTab(content[i - 1]) ? content.slice(0, i) : content;
}

function newBlock(type: BlockType, parent: Block | undefined): Block {
  return { type, parent, openChild: undefined, hasChild: false };
}

function acceptsLines(type: BlockType): boolean {
  return type === 'paragraph' || type === 'fencedCode' || type === 'indentedCode' || type === 'html';
}

function canContain(parent: BlockType, child: BlockType): boolean {
  switch (parent) {
    case 'document':
    case 'blockQuote':
    case 'item':
      return child !== 'item';
    case 'list':
      return child === 'item';
    default:
      return false;
  }
}

function listsMatch(list: Block, item: Pick<Block, 'listKind' | 'marker'>): boolean {
  return list.listKind === item.listKind && list.marker === item.marker;
}
