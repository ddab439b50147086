import { copyText, downloadText } from '../../lib/text-export';
import type { LogLine } from './log-line';

// Copy and Save hand out plain text (escape codes removed), one line per log line, prefixed with
// the source when more than one source is shown, so a pasted excerpt still says where each line
// came from.

export function formatLines(lines: readonly LogLine[], withSource: boolean): string {
  let out = '';
  for (const line of lines) out += withSource ? `[${line.source}] ${line.plain}\n` : `${line.plain}\n`;
  return out;
}

/** A file name a filesystem accepts: `run 2025/11 #3` → `run-2025-11-3.log`. */
export function logFileName(base: string): string {
  const safe = base
    .replace(/\.log$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${safe || 'output'}.log`;
}

/** Offers the text as a .log download. */
export function saveTextFile(fileName: string, text: string): void {
  downloadText(fileName, text);
}

export function copyLog(text: string): Promise<void> {
  return copyText(text, 'the clipboard refused the text; use Save instead');
}
