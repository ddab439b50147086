import { formatDuration, formatTime } from './format';
import { codeSpan, escapeCell, fencedCode, table } from './markdown';
import type { ReportData, TimelineEntry, TimelineOutcome } from './report-types';

// Every step and action attempt as a table, then as a mermaid gantt chart, then the cutover
// (strategy stages, traffic switches, release history) when the run recorded one.

const outcomeLabels: Record<TimelineOutcome, string> = {
  passed: '✔ passed',
  failed: '✘ failed',
  skipped: '↷ skipped',
  'rolled back': '↺ rolled back',
  running: '… running',
  waiting: '⏸ waiting',
  interrupted: '⚠ interrupted',
  'not run': '○ not run',
};

/** Past this many tasks a gantt chart is unreadable (and slow to draw): it then shows steps only. */
export const maxGanttTasks = 300;

function timelineRow(entry: TimelineEntry): string[] {
  const what =
    entry.kind === 'step'
      ? `**${escapeCell(entry.title)}**`
      : `${codeSpan(entry.action ?? '')} ${escapeCell(entry.title)}`;
  return [
    entry.startedAt ? formatTime(entry.startedAt) : '—',
    what,
    entry.attempt !== undefined ? String(entry.attempt) : '—',
    formatDuration(entry.durationMs),
    outcomeLabels[entry.outcome],
    escapeCell(entry.detail),
  ];
}

/** Mermaid reads `:` as the start of a task's data, `#`/`;` as syntax and `<…>` as HTML: keep names plain. */
function ganttName(text: string): string {
  const plain = text
    .replace(/[:;#`<>\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? 'unnamed' : plain;
}

const ganttTags: Partial<Record<TimelineOutcome, string>> = {
  passed: 'done, ',
  'rolled back': 'done, ',
  skipped: 'done, ',
  failed: 'crit, ',
  interrupted: 'crit, ',
  running: 'active, ',
  waiting: 'active, ',
};

function task(name: string, entry: TimelineEntry, lastAt: string | undefined): string | undefined {
  const start = entry.startedAt ? Date.parse(entry.startedAt) : Number.NaN;
  if (Number.isNaN(start)) return undefined;
  const open = entry.outcome === 'running' || entry.outcome === 'waiting';
  const untilLast = open && lastAt ? Date.parse(lastAt) - start : 0;
  const length = Math.max(1, Math.round(entry.durationMs ?? untilLast));
  return `    ${ganttName(name)} :${ganttTags[entry.outcome] ?? ''}${start}, ${start + length}`;
}

export function renderGantt(data: ReportData): string | undefined {
  const started = data.timeline.filter((e) => e.startedAt && e.outcome !== 'not run');
  if (started.length === 0) return undefined;
  const stepsOnly = started.length > maxGanttTasks;
  const lines = ['gantt', `    title ${ganttName(`Run ${data.runId}`)}`, '    dateFormat x', '    axisFormat %H:%M:%S'];
  const bySection = new Map<string, string[]>();
  for (const entry of started) {
    const section = bySection.get(entry.step) ?? [];
    bySection.set(entry.step, section);
    if (entry.kind === 'step' && !stepsOnly) continue;
    if (entry.kind === 'action' && stepsOnly) continue;
    const name = entry.kind === 'step' ? entry.title : `${entry.title} (${entry.action}, #${entry.attempt ?? 1})`;
    const line = task(name, entry, data.journal.lastAt);
    if (line) section.push(line);
  }
  // A step with no action attempts (checklists only) still shows as one bar.
  for (const entry of started) {
    const section = bySection.get(entry.step);
    if (entry.kind === 'step' && section && section.length === 0) {
      const line = task(entry.title, entry, data.journal.lastAt);
      if (line) section.push(line);
    }
  }
  const titles = new Map(started.map((e) => [e.step, e.stepTitle]));
  for (const [step, section] of bySection) {
    if (section.length === 0) continue;
    lines.push(`    section ${ganttName(titles.get(step) ?? step)}`, ...section);
  }
  const chart = fencedCode(lines, 'mermaid');
  if (!stepsOnly) return chart;
  return `${chart}\n\nThe chart shows steps only: ${started.length} entries are too many to draw; the table above lists every attempt.`;
}

export function renderTimeline(data: ReportData): string {
  const out = ['## Timeline', ''];
  if (data.timeline.length === 0) {
    out.push('The journal records no steps.');
    return out.join('\n');
  }
  out.push(
    table(['Start (UTC)', 'Step / action', 'Attempt', 'Duration', 'Outcome', 'Detail'], data.timeline.map(timelineRow)),
  );
  const gantt = renderGantt(data);
  if (gantt) out.push('', gantt);
  if (data.deployment.length > 0) {
    out.push(
      '',
      '### Cutover',
      '',
      table(
        ['When (UTC)', 'Event', 'Detail'],
        data.deployment.map((d) => [formatTime(d.at), escapeCell(d.what), escapeCell(d.detail)]),
      ),
    );
  }
  return out.join('\n');
}
