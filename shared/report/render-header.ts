import { lockLeftText } from '../runs/lock-left';
import { formatDuration, formatTime } from './format';
import { codeSpan, escapeInline } from './markdown';
import type { ReportData } from './report-types';

// The title, the warnings that must be read first (an open run, a journal cut short), the header
// facts and the results.

const statusLabels: Record<string, string> = {
  succeeded: 'Success',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
  aborted: 'Aborted',
  open: 'In progress — no end is recorded',
  unreadable: 'Unreadable',
};

function fact(label: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : `- **${label}**: ${value}`;
}

/** rollback.verified's `by`, as the report says it. */
const verifiedBy: Record<string, string> = {
  version: 'the previous version answering',
  health: 'health',
  flag: 'the flag state',
  checklist: 'the rollback checklist',
  none: 'nothing (nothing to check)',
};

const inline = (value: string | undefined) => (value === undefined || value === '' ? undefined : escapeInline(value));

export function renderTitle(data: ReportData): string {
  const { header } = data;
  const what = [header.project, header.environment, header.version].filter(Boolean) as string[];
  return `# Deployment report${what.length > 0 ? `: ${escapeInline(what.join(' · '))}` : ''}`;
}

export function renderWarnings(data: ReportData): string[] {
  const out: string[] = [];
  const { interrupted, lockLeft } = data.results;
  if (data.open && interrupted) {
    out.push(
      `> ⚠ **This run was interrupted and is still open**: ${escapeInline(interrupted.reason)} (by ${escapeInline(interrupted.by)}, ${formatTime(interrupted.at)}). Resume it to carry on from where it stopped, or close it; steps after that point are not done.`,
    );
  } else if (data.open) {
    out.push(
      `> ⚠ **This run is still open**: its journal records no end (it is running, or was stopped by a crash). This report shows what was recorded up to event ${data.journal.events}${data.journal.lastAt ? ` at ${formatTime(data.journal.lastAt)}` : ''}; steps after that are not done.`,
    );
  }
  if (lockLeft) {
    out.push(
      `> ⚠ **Deploy ${escapeInline(lockLeftText(lockLeft))}**: the next run on this machine releases it, as its run ended; elsewhere it must be broken explicitly.`,
    );
  }
  if (data.journal.problem) {
    out.push(
      `> ⚠ **The journal could not be read to its end**: ${escapeInline(data.journal.problem)}. This report covers only the events before that line.`,
    );
  }
  if (data.journal.events === 0) out.push('> ⚠ **The journal holds no events**: there is nothing to report.');
  return out;
}

export function renderHeader(data: ReportData): string {
  const h = data.header;
  const version = h.version
    ? [
        codeSpan(h.version),
        h.previousVersion ? `previous ${codeSpan(h.previousVersion)}` : 'previous version not recorded',
        h.commit ? `commit ${codeSpan(h.commit.slice(0, 12))}` : h.notGitRef ? 'not a git ref' : undefined,
      ]
        .filter(Boolean)
        .join(', ')
    : undefined;
  const operator = h.operator
    ? `${escapeInline(h.operator.by)}${h.operator.role ? ` (${escapeInline(h.operator.role)})` : ''}`
    : undefined;
  const runbook = h.runbook ? `${escapeInline(h.runbookTitle ?? h.runbook)} (${codeSpan(h.runbook)})` : undefined;
  const lines = [
    fact('Project', inline(h.project)),
    fact(
      'Environment',
      h.environment ? `${escapeInline(h.environment)}${h.protected ? ' (protected)' : ''}` : undefined,
    ),
    fact('Version', version),
    fact('Strategy', inline(h.strategy) ?? 'not recorded'),
    fact('Operator', operator),
    fact('Runbook', runbook),
    fact('Plan', h.plan ? `${escapeInline(h.plan.title)} (digest ${codeSpan(h.plan.digest)})` : undefined),
    fact('Date', h.date),
    fact('Start', h.startedAt ? formatTime(h.startedAt) : undefined),
    fact('End', h.endedAt ? formatTime(h.endedAt) : data.open ? 'not recorded (run open)' : undefined),
    fact('Duration', h.durationMs !== undefined ? formatDuration(h.durationMs) : undefined),
    fact('Run', codeSpan(data.runId)),
    h.carriedTicks ? fact('Carried pre-ticks', `${h.carriedTicks} from an offline checklist review`) : undefined,
  ];
  return lines.filter(Boolean).join('\n');
}

export function renderResults(data: ReportData): string {
  const r = data.results;
  const status = `${statusLabels[r.status] ?? escapeInline(r.status)}${r.endReason ? ` — ${escapeInline(r.endReason)}` : ''}`;
  const downtime = r.downtime
    ? `${formatDuration(r.downtime.ms)} measured${r.downtime.from && r.downtime.ms > 0 ? ` (${formatTime(r.downtime.from)} to ${formatTime(r.downtime.to)})` : ''}`
    : 'not measured (the journal has no downtime measurement)';
  const issues = r.issueCount === 0 ? 'None' : `${r.issueCount} (see Issues encountered)`;
  const lines = ['## Results', '', `- **Status**: ${status}`, `- **Downtime**: ${downtime}`, `- **Issues**: ${issues}`];
  // A success that was not clean says so next to its status (see Issues encountered for the alert).
  if (r.caveat) lines.splice(3, 0, `- **But**: ${escapeInline(r.caveat.text)} (${formatTime(r.caveat.at)})`);
  if (r.rollback) {
    const outcome = r.rollback.ok === undefined ? 'not finished' : r.rollback.ok ? 'completed' : 'FAILED';
    // The outcome first, then who started it and why: "completed: <reason>" read as if the reason
    // were the outcome ("completed: alert … fired: rolling back").
    lines.push(
      `- **Rollback**: ${outcome}, started at ${formatTime(r.rollback.at)} by ${r.rollback.trigger === 'alert' ? 'an alert rule' : `the ${escapeInline(r.rollback.trigger)}`}. Why: ${escapeInline(r.rollback.reason)}`,
    );
    const verified = r.rollback.verified;
    if (verified)
      lines.push(
        `- **Rollback verified by**: ${escapeInline(verifiedBy[verified.by] ?? verified.by)}, ${verified.ok ? 'passed' : 'FAILED'}: ${escapeInline(verified.detail)}`,
      );
  }
  for (const incident of data.incidents)
    lines.push(`- **Incident**: ${escapeInline(incident.id)} opened (see Incidents)`);
  return lines.join('\n');
}
