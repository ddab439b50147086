import MarkdownIt from 'markdown-it';

// For the report's tests: parse markdown as a renderer would and check every table row has as
// many cells as its header. markdown-it pads or cuts rows to fit, so the cells are counted on the
// source line of each row the parser found, splitting on pipes the way it does (`\|` is no split).

const parser = new MarkdownIt({ html: false });

function countCells(line: string): number {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  let cells = 1;
  for (let i = 0; i < text.length; i++) if (text[i] === '|' && text[i - 1] !== '\\') cells += 1;
  return cells;
}

export interface TableShape {
  line: number;
  header: number;
  rows: number[];
}

/** Every table in the markdown: its first line (1-based), header cell count and each body row's. */
export function tableShapes(markdown: string): TableShape[] {
  const lines = markdown.split('\n');
  const tokens = parser.parse(markdown, {});
  const tables: TableShape[] = [];
  let current: TableShape | undefined;
  let inHead = false;
  for (const token of tokens) {
    if (token.type === 'table_open') {
      current = { line: (token.map?.[0] ?? 0) + 1, header: 0, rows: [] };
      tables.push(current);
    } else if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open' && current && token.map) {
      const count = countCells(lines[token.map[0]] ?? '');
      if (inHead) current.header = count;
      else current.rows.push(count);
    }
  }
  return tables;
}

/** "line 12: row 3 has 7 cells, header 6" for each row that does not fit; empty when all do. */
export function tableProblems(markdown: string): string[] {
  return tableShapes(markdown).flatMap((table) =>
    table.rows.flatMap((cells, index) =>
      cells === table.header ? [] : [`line ${table.line}: row ${index + 1} has ${cells} cells, header ${table.header}`],
    ),
  );
}

export function renderHtml(markdown: string): string {
  return parser.render(markdown);
}
