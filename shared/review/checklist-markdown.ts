import type { OutlineChecklist, OutlineItem, ReviewOutline, ReviewTick } from '../api/schemas/review';
import { formatTime } from '../report/format';
import { codeSpan, escapeInline, table } from '../report/markdown';
import { gateProgress } from './gate-progress';
import { gateLabel } from './gates';
import { pretickableItems } from './review-items';

// The offline review exported as markdown: every step's checklists as task lists, pre-ticked
// items checked with who, role, when and note. Everything from the runbook or typed by a person
// goes through the report's escaping, so a `|` or a `<` in a note cannot break the document.

export interface ChecklistMarkdownOptions {
  /** When the export was made (ISO); the caller's clock, so the function stays pure. */
  exportedAt: string;
}

function roleTitle(outline: ReviewOutline, role: string): string {
  return outline.roles[role] ?? role;
}

function itemLine(item: OutlineItem, tick: ReviewTick | undefined, pretickable: boolean): string {
  const facts: string[] = [];
  if (tick) {
    const role = tick.role?.trim() ? ` (${escapeInline(tick.role.trim())})` : '';
    facts.push(`pre-ticked by ${escapeInline(tick.by)}${role} at ${formatTime(tick.at)}`);
    if (tick.note?.trim()) facts.push(`note: ${escapeInline(tick.note.trim())}`);
  } else if (item.check !== undefined) {
    facts.push(`automatic: ${escapeInline(item.check)}`);
  } else if (!pretickable) {
    facts.push('ticked during a rollback');
  }
  if (item.before) facts.push("needed before the step's actions");
  const box = tick ? '[x]' : '[ ]';
  return `- ${box} ${escapeInline(item.text)}${facts.length ? ` — ${facts.join('; ')}` : ''}`;
}

function checklistBlock(
  list: OutlineChecklist,
  ticks: ReadonlyMap<string, ReviewTick>,
  pretickable: ReadonlySet<string>,
): string[] {
  const gate = list.gate !== undefined ? ` (${gateLabel(list.gate)})` : '';
  return [
    `### ${escapeInline(list.title)}${gate}`,
    '',
    ...list.items.map((item) => itemLine(item, ticks.get(item.key), pretickable.has(item.key))),
    '',
  ];
}

function gateTable(outline: ReviewOutline, ticks: readonly ReviewTick[]): string {
  return table(
    ['Gate', 'Items', 'Pre-ticked', 'Automatic', 'Left to tick in the run'],
    gateProgress(outline, ticks).map((g) => [
      gateLabel(g.gate),
      String(g.items),
      String(g.preTicked),
      String(g.automatic),
      g.items === 0 ? 'no items in this runbook' : String(g.left),
    ]),
  );
}

export function renderChecklistMarkdown(
  outline: ReviewOutline,
  ticks: readonly ReviewTick[],
  options: ChecklistMarkdownOptions,
): string {
  const byItem = new Map(ticks.map((tick) => [tick.item, tick]));
  const pretickable = new Set(pretickableItems(outline).keys());
  const carried = ticks.filter((tick) => pretickable.has(tick.item)).length;
  const total = [...outline.steps.flatMap((s) => s.checklists.flatMap((l) => l.items)), ...outline.exitCriteria].length;
  const out = [`# Checklist review: ${escapeInline(outline.runbook.title)}`, ''];
  out.push(
    `- Project: ${escapeInline(outline.project.name)}`,
    `- Runbook: ${codeSpan(outline.runbook.id)} in ${codeSpan(outline.runbook.file)}`,
    `- Exported: ${formatTime(options.exportedAt)} (UTC)`,
    `- Pre-ticked: ${carried} of the ${pretickable.size} items that can be ticked ahead; ${total - pretickable.size} more are checked automatically by the run`,
    '',
    carried > 0
      ? `The ${carried} pre-ticked item${carried === 1 ? '' : 's'} will be carried into the next run of ${codeSpan(outline.runbook.id)}, signed as shown.`
      : 'Nothing is pre-ticked yet: every item is ticked during the run.',
    '',
    '## Quality gates',
    '',
    gateTable(outline, ticks),
    '',
  );
  outline.steps.forEach((step, index) => {
    out.push(`## ${index + 1}. ${escapeInline(step.title)}`, '');
    const facts = [`Owner: ${escapeInline(roleTitle(outline, step.owner))}`];
    if (step.approvals.length > 0)
      facts.push(`Approvals in the run: ${step.approvals.map((r) => escapeInline(roleTitle(outline, r))).join(', ')}`);
    if (step.environments) facts.push(`Applies to: ${step.environments.map(escapeInline).join(', ')}`);
    out.push(facts.join(' · '), '');
    if (step.checklists.length === 0) out.push('No checklist in this step.', '');
    for (const list of step.checklists) out.push(...checklistBlock(list, byItem, pretickable));
  });
  out.push('## Exit criteria', '');
  if (outline.exitCriteria.length === 0) out.push('The runbook names no exit criteria.', '');
  else out.push(...outline.exitCriteria.map((item) => itemLine(item, byItem.get(item.key), true)), '');
  if (outline.rollback.length > 0) {
    out.push('## Rollback (only if the run rolls back)', '');
    for (const list of outline.rollback) out.push(...checklistBlock(list, byItem, pretickable));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
