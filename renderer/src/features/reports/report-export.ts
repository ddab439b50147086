// The report's file name, download and copy (lib/text-export.ts does the work).
import { copyText, downloadText } from '../../lib/text-export';

export function reportFileName(runId: string): string {
  return `${runId.replace(/[^A-Za-z0-9._-]/g, '_')}-report.md`;
}

/** A markdown file download. */
export function downloadMarkdown(fileName: string, text: string): void {
  downloadText(fileName, text, 'text/markdown');
}

/** The report on the clipboard. */
export function copyReport(text: string): Promise<void> {
  return copyText(text, 'select the preview and copy it by hand');
}
