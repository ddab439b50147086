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

/** Offers the text as a download (the browser host and Electron both honour `download`). */
export function saveTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without clipboard permission (or outside a secure context), the old selection copy still works.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('the clipboard refused the text; use Save instead');
  }
}
