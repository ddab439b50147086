import type { JournalEvent, JournalProblem, JournalProblemKind } from './journal-line';
import { scanJournal } from './journal-scan';

export interface JournalRead {
  /** Every event up to the first problem, in order. */
  events: JournalEvent[];
  /** Empty, or the one problem where reading stopped (a tolerant reader still returns what came before). */
  problems: JournalProblem[];
}

export type JournalVerdict =
  | { ok: true; lines: number; finalHash: string }
  | {
      ok: false;
      /** The first line that breaks the chain (0 when the file cannot be read at all). */
      line: number;
      kind: JournalProblemKind;
      reason: string;
      /** "<file> line 7: hash does not match its content", ready to print. */
      message: string;
    };

export async function readJournal(file: string): Promise<JournalRead> {
  const events: JournalEvent[] = [];
  const scan = await scanJournal(file, (event) => events.push(event));
  return { events, problems: scan.problem ? [scan.problem] : [] };
}

/** Checks the whole chain, streaming, and names the first line that breaks it. */
export async function verifyJournal(file: string): Promise<JournalVerdict> {
  const scan = await scanJournal(file);
  if (!scan.problem) return { ok: true, lines: scan.lines, finalHash: scan.lastHash };
  const { line, kind, reason } = scan.problem;
  const message = line === 0 ? reason : `${file} line ${line}: ${reason}`;
  return { ok: false, line, kind, reason, message };
}
