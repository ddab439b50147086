import { readFile } from 'node:fs/promises';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../../../shared/api/schemas/common';

/** One YAML file as parsed: its syntax tree (for positions), its plain value and its syntax problems. */
export interface YamlSource {
  /** How problems name the file: relative to the project, or as the user typed it. */
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain value; undefined when the file has syntax errors (half-parsed data misleads). */
  value: unknown;
  /** Every syntax error and warning at once, each with line and column. */
  problems: Problem[];
}

export interface YamlFileRead {
  /** The file does not exist (as opposed to existing and being unreadable or invalid). */
  missing: boolean;
  source?: YamlSource;
  problems: Problem[];
}

/** Parses YAML text. Pure: the unit tests and the file loader share it. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const [severity, list] of [
    ['error', doc.errors],
    ['warning', doc.warnings],
  ] as const) {
    for (const e of list) {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      problems.push({ severity, file, line, column: col, message: e.message.split('\n')[0] ?? e.message });
    }
  }
  problems.sort(byPosition);
  return { file, doc, lineCounter, value: doc.errors.length > 0 ? undefined : doc.toJS(), problems };
}

/** Reads and parses one YAML file; a missing or unreadable file is a problem naming it, not a throw. */
export async function readYamlSource(absolutePath: string, file: string): Promise<YamlFileRead> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error));
    return {
      missing: code === 'ENOENT',
      problems: [{ severity: 'error', file, message: `cannot read file (${reason})` }],
    };
  }
  const source = parseYamlSource(text, file);
  return { missing: false, source, problems: source.problems };
}

/** File-level problems (no line) first, then by line and column; stable otherwise. */
export function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
