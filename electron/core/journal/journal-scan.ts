import { decodeLine, GENESIS_HASH, type JournalEvent, type JournalProblem, problem } from './journal-line';
import { ndjsonLines } from './ndjson-lines';

export interface ScanResult {
  /** Lines that passed every check. */
  lines: number;
  lastSeq: number;
  lastHash: string;
  /** Bytes of the file covered by the good lines: where to truncate a torn tail. */
  goodBytes: number;
  /** The first thing wrong, if anything; scanning stops there. */
  problem?: JournalProblem;
}

/**
 * Walks a journal line by line, checking each line's hash and its link to the line before, and
 * stops at the first problem. Shared by the reader, the verifier and the writer's resume.
 */
export async function scanJournal(file: string, onEvent?: (event: JournalEvent) => void): Promise<ScanResult> {
  const result: ScanResult = { lines: 0, lastSeq: 0, lastHash: GENESIS_HASH, goodBytes: 0 };
  let previous: { seq: number; hash: string } | undefined;
  try {
    for await (const raw of ndjsonLines(file)) {
      if (!raw.terminated) {
        result.problem = problem(raw.lineNo, 'torn', 'last line is incomplete (no newline): an interrupted write');
        break;
      }
      const decoded = decodeLine(raw.text, raw.lineNo, previous);
      if (!decoded.ok) {
        result.problem = decoded.problem;
        break;
      }
      const { event } = decoded;
      previous = { seq: event.seq, hash: event.hash };
      result.lines = raw.lineNo;
      result.lastSeq = event.seq;
      result.lastHash = event.hash;
      result.goodBytes = raw.end;
      onEvent?.(event);
    }
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    const reason = `cannot read ${file} (${errno ?? (error as Error).message})`;
    result.problem = { line: 0, kind: 'unreadable', reason, message: reason };
  }
  return result;
}
