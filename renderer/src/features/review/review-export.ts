import type { ReviewOutline, ReviewTick } from '../../../../shared/api/schemas/review';
import { renderChecklistMarkdown } from '../../../../shared/review/checklist-markdown';
import { downloadText } from '../../lib/text-export';

// The review as a markdown file: `<project>-<runbook>-checklist.md`, ticks shown.

export function checklistFileName(outline: ReviewOutline): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe(outline.project.name)}-${safe(outline.runbook.id)}-checklist.md`;
}

export function exportChecklist(outline: ReviewOutline, ticks: readonly ReviewTick[]): string {
  const name = checklistFileName(outline);
  downloadText(
    name,
    renderChecklistMarkdown(outline, ticks, { exportedAt: new Date().toISOString() }),
    'text/markdown',
  );
  return name;
}
