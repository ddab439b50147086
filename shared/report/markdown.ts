// Markdown building blocks for the report. Everything people typed (notes, reasons, commit
// subjects, command output) goes through one of these, so a `|`, a backtick, a newline, a `<` or
// a stray `# heading` in a note can never break a table, open a code block or inject HTML.

// The ASCII punctuation CommonMark lets a backslash escape that can start something anywhere in
// a line: emphasis, code, links, HTML, table cells, strikethrough, entities. An underscore inside
// a word (`error_rate`) cannot emphasise in GFM, so it stays as written.
const inlineSpecials = /[\\`*[\]<|~&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
// At the start of text, a block can begin: a heading, a list item, a quote, a setext underline.
const blockStart = /^(#|[-+=>]|\d+[.)])/;

/** Text on one line, safe anywhere inline (paragraphs, list items, table cells). */
export function escapeInline(text: string): string {
  const oneLine = text.replace(/\r\n?|\n/g, ' ↵ ').replace(/\t/g, ' ');
  return oneLine.trimStart().replace(inlineSpecials, '\\$&').replace(blockStart, '\\$1');
}

/** A table cell: escaped inline text, and a dash for nothing (an empty cell reads as a mistake). */
export function escapeCell(text: string | undefined): string {
  if (text === undefined || text.trim() === '') return '—';
  return escapeInline(text);
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/**
 * Inline code: delimited by more backticks than any run inside, padded when the text starts or
 * ends with one. Pipes are escaped because GFM splits table rows on them even inside code.
 */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/\r\n?|\n/g, ' ');
  if (oneLine === '') return '—';
  const fence = '`'.repeat(longestRun(oneLine, '`') + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || /^ .* $/.test(oneLine) ? ' ' : '';
  return `${fence}${pad}${oneLine.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in the lines. */
export function fencedCode(lines: readonly string[], info = ''): string {
  const body = lines.map((line) => line.replace(/\r/g, '')).join('\n');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${info}\n${body}${body === '' ? '' : '\n'}${fence}`;
}

/** A GFM table. Cells must already be escaped (escapeCell, codeSpan); rows shorter than the header are padded. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const out = [line(headers), line(headers.map(() => '---'))];
  for (const row of rows) {
    const cells = headers.map((_, i) => row[i] ?? '—');
    out.push(line(cells));
  }
  return out.join('\n');
}

/**
 * Free text a person wrote (lessons learned): kept as paragraphs and simple lists, each line
 * escaped, so it reads as they wrote it but cannot open a code block or a heading.
 */
export function escapeBlock(text: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(paragraph.join('\n'));
    paragraph = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    const numbered = /^(\d{1,9})[.)]\s+(.*)$/.exec(line);
    if (bullet) paragraph.push(`- ${escapeInline(bullet[1] ?? '')}`);
    else if (numbered) paragraph.push(`${numbered[1]}. ${escapeInline(numbered[2] ?? '')}`);
    else paragraph.push(escapeInline(line));
  }
  flush();
  return blocks.join('\n\n');
}
