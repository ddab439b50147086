import { readFile } from 'node:fs/promises';
import { isMap, LineCounter, type Node, parseDocument } from 'yaml';
import type { Problem } from '../../../shared/api/schemas/common';

export interface YamlFile {
  /** The file does not exist (as opposed to existing and being unreadable or invalid). */
  missing: boolean;
  /** The parsed value; undefined when the file has syntax errors. */
  value: unknown;
  problems: Problem[];
  /** file:line:column of a top-level field's value, for problems found after parsing. */
  positionOf(field: string): { line: number; column: number } | undefined;
}

/**
 * Reads one YAML file and reports every syntax error at once, each with line and column, under
 * the path a person would recognise (`displayName`, relative to the project).
 */
export async function readYamlFile(absolutePath: string, displayName: string): Promise<YamlFile> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      missing: code === 'ENOENT',
      value: undefined,
      problems: [{ severity: 'error', file: displayName, message: `cannot read file (${code ?? String(error)})` }],
      positionOf: () => undefined,
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return {
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      file: displayName,
      line,
      column: col,
      message: e.message.split('\n')[0] ?? e.message,
    };
  });
  const hasErrors = doc.errors.length > 0;
  return {
    missing: false,
    value: hasErrors ? undefined : doc.toJS(),
    problems,
    positionOf(field) {
      const contents = doc.contents;
      if (!isMap(contents)) return undefined;
      const node = contents.get(field, true) as Node | undefined;
      const offset = node?.range?.[0];
      if (offset === undefined) return undefined;
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
