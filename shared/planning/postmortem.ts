import { errorText } from '../report/event-fields';
import { formatDuration, formatLatency, formatPercent, formatTime } from '../report/format';
import { codeSpan, escapeCell, escapeInline, table } from '../report/markdown';
import type { RunEvent } from '../runs/run-event';
import type { EndStatus } from '../runs/run-events';
import { type IncidentFacts, incidentFacts } from './incident-facts';
import type { IncidentTimelineEntry } from './incident-timeline';
import { generatedRegion } from './postmortem-merge';

// The post-mortem draft of a run that went wrong (the workflow's incident response: investigate,
// fix, post-mortem, update procedures). What the journal knows is filled in — summary, measured
// impact, timeline, the failures as starting points — and what only people know is left as
// marked sections to fill in. Pure and clock-free: the same journal gives the same draft. What
// comes from the journal sits in marked regions (postmortem-merge.ts), so a later rewrite — once
// the run's end is journaled — replaces those and keeps what people wrote.

export interface PostmortemOptions {
  /** The incident's id, shown in the header. */
  incidentId?: string;
  /** The end status when run.finished is not journaled yet. */
  status?: EndStatus;
}

const toFill = (what: string) => `_To fill in: ${what}_`;

function header(facts: IncidentFacts, incidentId: string | undefined): string[] {
  const s = facts.state;
  const version = s.version ? codeSpan(s.version) : '—';
  const rows: string[][] = [
    ...(incidentId ? [['Incident', codeSpan(incidentId)]] : []),
    ['Run', `${codeSpan(facts.runId)} (full report: ${codeSpan(`release-pilot report ${facts.runId}`)})`],
    ['Environment', `${escapeCell(s.environment)}${s.protected ? ' (protected)' : ''}`],
    ['Version', `${version}${s.previousVersion ? `, live before: ${codeSpan(s.previousVersion)}` : ''}`],
    ['Strategy', escapeCell(s.strategy)],
    [
      'Operator',
      escapeCell(s.operator ? `${s.operator.by}${s.operator.role ? ` (${s.operator.role})` : ''}` : undefined),
    ],
    ['Started', formatTime(s.startedAt)],
    ['Ended', s.endedAt ? formatTime(s.endedAt) : 'not recorded yet'],
    ['Outcome', escapeCell(facts.outcome === 'rolled-back' ? 'rolled back' : facts.outcome)],
    ...(s.endedAt && s.endReason ? [['End', escapeCell(s.endReason)]] : []),
  ];
  const title = `${s.environment ?? 'run'}, ${s.version ?? 'unknown version'}`;
  return [
    `# Post-mortem (draft): ${escapeInline(title)}`,
    '',
    '> Drafted by Release Pilot from the run journal. Facts below come from the journal; the sections marked _To fill in_ are for the team. Text between `release-pilot:begin`/`end` marks is rewritten from the journal when the run ends; write yours outside them.',
    '',
    ...generatedRegion('facts', [table(['', ''], rows)]),
  ];
}

function summary(facts: IncidentFacts): string[] {
  const s = facts.state;
  const parts = [`${escapeInline(facts.reason)}.`];
  if (s.rollback) {
    const result =
      s.rollback.ok === undefined ? 'its result is not recorded' : s.rollback.ok ? 'it succeeded' : 'it FAILED';
    parts.push(`A rollback was started at ${formatTime(s.rollback.at)} (${s.rollback.trigger}); ${result}.`);
    if (s.rollback.error) parts.push(`Rollback error: ${escapeInline(errorText(s.rollback.error))}.`);
  }
  return [
    '## Summary',
    '',
    ...generatedRegion('summary', [parts.join(' ')]),
    '',
    toFill('what users noticed, in a sentence or two.'),
  ];
}

function errorRateLine(facts: IncidentFacts): string {
  const { worstErrorRate: worst, worstWindow } = facts.impact;
  if (!worst) return '- Error rates: **not measured** (no monitoring window was recorded).';
  if (worst.measuredBy === 'monitor-window')
    return `- Worst error rate: **${formatPercent(worst.errorRate)}** (${escapeInline(worst.source)}, ${escapeInline(worst.phase)} the cutover, ${formatTime(worst.from)} to ${formatTime(worst.to)}).`;
  // The rule's own figure leads; the fixed windows average the same seconds, so say what each is.
  const rule = `- Worst error rate: **${formatPercent(worst.errorRate)}**, as alert rule ${escapeInline(worst.rule)} (${codeSpan(worst.condition)}) measured it over its sliding window at ${formatTime(worst.at)}.`;
  if (!worstWindow) return rule;
  return `${rule}\n- Worst fixed monitoring window: ${formatPercent(worstWindow.errorRate)} (${escapeInline(worstWindow.source)}, ${escapeInline(worstWindow.phase)} the cutover, ${formatTime(worstWindow.from)} to ${formatTime(worstWindow.to)}; averaged over the window).`;
}

function impact(facts: IncidentFacts): string[] {
  const { downtime, phases, alertsFired, worstByRule } = facts.impact;
  const measured: string[] = [];
  if (!downtime) measured.push('- Downtime: **not measured** (no synthetic probes reported during this run).');
  else {
    const span =
      downtime.from && downtime.to ? `, from ${formatTime(downtime.from)} to ${formatTime(downtime.to)}` : '';
    measured.push(`- Measured downtime: **${formatDuration(downtime.ms)}** (longest stretch without answers${span}).`);
  }
  measured.push(errorRateLine(facts));
  for (const alert of alertsFired) {
    const worst = worstByRule.find((w) => w.rule === alert.rule);
    const seen = worst ? `; worst it measured: **${worst.shown}** at ${formatTime(worst.at)}` : '';
    measured.push(
      `- Alert ${escapeInline(alert.rule)} fired at ${formatTime(alert.at)}: ${codeSpan(alert.condition)} (${escapeInline(alert.severity)}, ${escapeInline(alert.action)})${seen}.`,
    );
  }
  if (phases.length > 0) {
    const rows = phases.map((p) => [
      escapeCell(p.source),
      escapeCell(p.phase),
      `${formatTime(p.from)} – ${formatTime(p.to)}`,
      String(p.metrics.requests),
      formatPercent(p.metrics.errorRate),
      formatPercent(p.metrics.availability),
      formatLatency(p.metrics.p95),
      formatLatency(p.metrics.p99),
    ]);
    measured.push(
      '',
      table(['Source', 'Phase', 'Window', 'Requests', 'Error rate', 'Availability', 'p95', 'p99'], rows),
    );
  }
  return [
    '## Impact',
    '',
    ...generatedRegion('impact', measured),
    '',
    `- ${toFill('users and business affected, support tickets, data at risk.')}`,
  ];
}

function timeline(facts: IncidentFacts): string[] {
  const rows = facts.timeline.map((entry) => [formatTime(entry.at), escapeCell(entry.text)]);
  return [
    '## Timeline (UTC)',
    '',
    ...generatedRegion('timeline', [rows.length > 0 ? table(['Time', 'What happened'], rows) : 'No events.']),
  ];
}

function analysis(facts: IncidentFacts): string[] {
  const failedRollback = facts.state.rollback?.ok === false;
  const failed = (e: IncidentTimelineEntry) =>
    e.event === 'action.failed' || e.event === 'step.failed' || (e.event === 'rollback.finished' && failedRollback);
  const failures = facts.timeline.filter(failed);
  const leads =
    failures.length > 0
      ? [
          'What the journal recorded as failing, as starting points:',
          '',
          ...failures.map((f) => `- ${escapeInline(f.text)}`),
        ]
      : ['The journal recorded no failing action.'];
  return [
    '## Root cause',
    '',
    toFill('why it happened (ask "why?" until the answer is a cause you can fix).'),
    '',
    ...generatedRegion('failures', leads),
    '',
    '## Contributing factors',
    '',
    toFill('what made it worse or slower to notice: monitoring gaps, missing checks, process.'),
    '',
    '## Action items',
    '',
    table(['Action', 'Owner', 'Due', 'Done'], [['', '', '', '[ ]']]),
    '',
    '## Links',
    '',
    `- Deployment report: ${codeSpan(`release-pilot report ${facts.runId}`)}`,
    `- Journal check: ${codeSpan(`release-pilot verify ${facts.runId}`)}`,
  ];
}

export function renderPostmortem(events: readonly RunEvent[], options: PostmortemOptions = {}): string {
  const facts = incidentFacts(events, options.status);
  if (!facts)
    return '# Post-mortem (draft)\n\nThe journal holds no run.started event: there is nothing to draw from.\n';
  const sections = [header(facts, options.incidentId), summary(facts), impact(facts), timeline(facts), analysis(facts)];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
