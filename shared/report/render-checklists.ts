import { formatTime } from './format';
import { escapeCell, escapeInline, table } from './markdown';
import type { ChecklistItemEntry, GateSummary, ReportData } from './report-types';

// Quality gates 1–4, each checklist item with who ticked it (or the automatic check), and the
// approvals by role. Anything required and not done reads "⚠ not ticked" / "⚠ not given".

export const notTicked = '⚠ not ticked';
export const notGiven = '⚠ not given';

function gateStatus(gate: GateSummary): string {
  if (gate.status === 'no items') return 'no items in this runbook';
  if (gate.status === 'passed') return '✔ passed';
  return `⚠ ${gate.unticked} not ticked`;
}

function whoTicked(item: ChecklistItemEntry): string {
  switch (item.state) {
    case 'checked':
      return 'automatic check';
    case 'ticked':
      return `${escapeCell(item.by)}${item.carried ? ' (carried from the checklist review)' : ''}`;
    case 'not-applicable':
      return 'step did not apply';
    case 'check-failed':
      return `${notTicked} (check failed)`;
    default:
      return notTicked;
  }
}

function noteOf(item: ChecklistItemEntry): string {
  const parts: string[] = [];
  if (item.check) parts.push(`${item.check.ok ? '✔' : '✘'} check: ${escapeInline(item.check.message)}`);
  // An automatic tick's note repeats the check's message.
  if (item.note && !(item.state === 'checked' && item.check?.message === item.note))
    parts.push(escapeInline(item.note));
  return parts.length > 0 ? parts.join('; ') : '—';
}

export function renderChecklists(data: ReportData): string {
  const out = ['## Checklists and quality gates', ''];
  out.push(
    table(
      ['Gate', 'Items', 'Ticked', 'Status'],
      data.gates.map((g) => [`Gate ${g.gate}`, String(g.items), String(g.ticked), gateStatus(g)]),
    ),
  );
  if (data.checklists.length === 0) {
    out.push('', 'The runbook has no checklists.');
    return out.join('\n');
  }
  for (const group of data.checklists) {
    const gate = group.gate !== undefined ? ` (gate ${group.gate})` : '';
    out.push('', `### ${escapeInline(group.stepTitle)} — ${escapeInline(group.checklist)}${gate}`, '');
    out.push(
      table(
        ['Item', 'Ticked by', 'Role', 'When (UTC)', 'Note / check'],
        group.items.map((item) => [
          escapeCell(item.text),
          whoTicked(item),
          escapeCell(item.role),
          item.at ? formatTime(item.at) : '—',
          noteOf(item),
        ]),
      ),
    );
  }
  return out.join('\n');
}

export function renderApprovals(data: ReportData): string {
  const out = ['## Approvals and sign-offs', ''];
  if (data.approvals.length === 0 && data.confirmations.length === 0) {
    out.push('No approvals were required or recorded.');
    return out.join('\n');
  }
  if (data.approvals.length > 0) {
    out.push(
      table(
        ['Step', 'Role', 'Approved by', 'When (UTC)', 'Note'],
        data.approvals.map((a) => [
          escapeCell(a.stepTitle),
          escapeCell(a.roleTitle === a.role ? a.role : `${a.roleTitle} (${a.role})`),
          a.by ? escapeCell(a.by) : notGiven,
          a.at ? formatTime(a.at) : '—',
          escapeCell(a.note),
        ]),
      ),
    );
  }
  for (const c of data.confirmations) {
    if (out.length > 2) out.push('');
    out.push(
      `Typed confirmation of the environment name **${escapeInline(c.environment)}** by ${escapeInline(c.by)} at ${formatTime(c.at)}.`,
    );
  }
  return out.join('\n');
}
