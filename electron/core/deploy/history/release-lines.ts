import { z } from 'zod';
import type { ReleaseEntry } from '../deploy-strategy';

// The release history file is JSON lines, appended to by every run. Pure parsing here, so the
// local and the SSH store read it the same way.

const Entry = z.object({
  version: z.string().min(1),
  at: z.string().min(1),
  runId: z.string().min(1),
  by: z.string().optional(),
  strategy: z.string().optional(),
  status: z.enum(['live', 'rolled-back']),
});

export interface ParsedHistory {
  /** In file order: oldest first. */
  entries: ReleaseEntry[];
  /** 1-based line numbers of lines that are not a release entry (a torn last line is not among them). */
  malformed: number[];
  /** The file ends in a line without its newline that does not parse: a write cut short. */
  torn: boolean;
}

export function parseReleaseLines(text: string): ParsedHistory {
  const lines = text.split('\n');
  // A complete file ends with "\n", leaving one empty string after the split; anything else is unterminated.
  const unterminated = lines.pop() ?? '';
  const entries: ReleaseEntry[] = [];
  const malformed: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const entry = parseLine(line);
    if (entry) entries.push(entry);
    else malformed.push(i + 1);
  });
  let torn = false;
  if (unterminated.trim() !== '') {
    // A last line that parses was written whole (only its newline is missing); keep it.
    const entry = parseLine(unterminated);
    if (entry) entries.push(entry);
    else torn = true;
  }
  return { entries, malformed, torn };
}

function parseLine(line: string): ReleaseEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = Entry.safeParse(value);
  if (!parsed.success) return undefined;
  const { by, strategy, ...rest } = parsed.data;
  return { ...rest, ...(by !== undefined ? { by } : {}), ...(strategy !== undefined ? { strategy } : {}) };
}

/** One line, newline included; throws on an entry that would not read back. */
export function formatReleaseLine(entry: ReleaseEntry): string {
  const parsed = Entry.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`release entry field "${issue?.path.join('.')}": ${issue?.message}`);
  }
  return `${JSON.stringify(parsed.data)}\n`;
}
