import { lockLeftText } from '../../../shared/runs/lock-left';
import type { RunEvent } from '../../../shared/runs/run-event';
import type { RunEventData } from '../../../shared/runs/run-events';

// How a run reads on a terminal: one line per thing that happened, output indented beneath its
// action. `--json` prints the journal events and output lines as NDJSON instead.

function seconds(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}

export function formatEvent(event: RunEvent): string | undefined {
  const d = event.data as never;
  switch (event.type) {
    case 'run.started': {
      const s = d as RunEventData['run.started'];
      return `Run ${s.runId}: ${s.runbookTitle} → ${s.environment} @ ${s.version} (operator ${s.operator.by})`;
    }
    case 'lock.acquired':
      return `  lock taken at ${(d as RunEventData['lock.acquired']).where}`;
    case 'lock.broken': {
      const b = d as RunEventData['lock.broken'];
      return `  ! lock of ${b.previous.holder} (run ${b.previous.runId}) broken by ${b.by}: ${b.reason}`;
    }
    case 'lock.stale-released': {
      const l = d as RunEventData['lock.stale-released'];
      return `  lock at ${l.where} was left by run ${l.previous.runId} (${l.previous.holder}), which ended: released (${l.proof})`;
    }
    case 'lock.release-failed':
      return `  ! ${lockLeftText(d as RunEventData['lock.release-failed'])}`;
    case 'run.interrupted': {
      const i = d as RunEventData['run.interrupted'];
      const kept = i.lockKept ? `; the deploy lock at ${i.lockKept} is kept for it` : '';
      return `■ interrupted by ${i.by} (${i.reason}): the run stays open${kept}`;
    }
    case 'version.resolved': {
      const v = d as RunEventData['version.resolved'];
      const commit = v.commit
        ? ` = ${v.commit.slice(0, 12)}`
        : v.notGitRef
          ? ' (not a git ref)'
          : ' (not a commit of this repository)';
      return `  version ${v.version}${commit}; live before: ${v.previousVersion ?? 'unknown'}`;
    }
    case 'tags.fetched': {
      const f = d as RunEventData['tags.fetched'];
      return f.ok
        ? `  tags fetched from ${f.remote}`
        : `  ! could not fetch tags from ${f.remote} (${f.error ?? 'no reason given'}): going on with local refs`;
    }
    case 'guard.passed':
    case 'guard.failed': {
      const g = d as RunEventData['guard.passed'];
      return `  ${event.type === 'guard.passed' ? '✓' : '✗'} ${g.guard}: ${g.detail}`;
    }
    case 'step.started':
      return undefined; // printed once, with its title, by createRunPrinter
    case 'step.skipped': {
      const s = d as RunEventData['step.skipped'];
      return `▷ ${s.step} skipped: ${s.reason}`;
    }
    case 'step.passed':
      return `✓ step ${(d as RunEventData['step.passed']).step} passed`;
    case 'step.failed': {
      const f = d as RunEventData['step.failed'];
      return `✗ step ${f.step} failed: ${f.error.message}`;
    }
    case 'action.started': {
      const a = d as RunEventData['action.started'];
      return `  ▶ ${a.action} ${a.title}${a.attempt > 1 ? ` (attempt ${a.attempt})` : ''}`;
    }
    case 'action.passed': {
      const a = d as RunEventData['action.passed'];
      return `  ✓ ${a.action} (${seconds(a.durationMs)})`;
    }
    case 'action.failed': {
      const a = d as RunEventData['action.failed'];
      return `  ✗ ${a.action} failed after ${seconds(a.durationMs)}: ${a.error.message}`;
    }
    case 'action.skipped': {
      const a = d as RunEventData['action.skipped'];
      return `  ▷ ${a.action} skipped by ${a.by}: ${a.reason}`;
    }
    case 'failure.decided': {
      const f = d as RunEventData['failure.decided'];
      return `  → ${f.by} chose ${f.decision}${f.reason ? `: ${f.reason}` : ''}`;
    }
    case 'checklist.ticked': {
      const t = d as RunEventData['checklist.ticked'];
      return `  ☑ ${t.item} — ${t.by}${t.role ? ` (${t.role})` : ''}${t.note ? `: ${t.note}` : ''}`;
    }
    case 'approval.granted': {
      const a = d as RunEventData['approval.granted'];
      return `  ✔ approved by ${a.by} as ${a.role}`;
    }
    case 'rollback.started':
      return `↺ rolling back: ${(d as RunEventData['rollback.started']).reason}`;
    case 'rollback.verified': {
      const v = d as RunEventData['rollback.verified'];
      return `  ${v.ok ? '✔' : '✗'} rollback verified by ${v.by}: ${v.detail}`;
    }
    case 'rollback.finished': {
      const f = d as RunEventData['rollback.finished'];
      return f.ok ? '↺ rollback finished' : `✗ rollback failed${f.error ? `: ${f.error.message}` : ''}`;
    }
    case 'run.cancelled':
      return `■ cancelled by ${(d as RunEventData['run.cancelled']).by}`;
    case 'run.finished': {
      const f = d as RunEventData['run.finished'];
      return `Run ${f.status}${f.reason ? `: ${f.reason}` : ''}`;
    }
    default:
      return undefined;
  }
}

/** A printer for one run: like formatEvent, plus each step's heading the first time it starts. */
export interface RunPrinter {
  (event: RunEvent): string | undefined;
  /** Learns a resumed run's steps from its journal so far, printing nothing for them. */
  prime(events: readonly RunEvent[]): void;
}

export function createRunPrinter(): RunPrinter {
  const titles = new Map<string, string>();
  const started = new Set<string>();
  let header: string | undefined;
  const skipped: string[] = [];
  const learn = (event: RunEvent) => {
    if (event.type !== 'run.started') return;
    const data = event.data as unknown as RunEventData['run.started'];
    for (const step of data.steps ?? []) titles.set(step.id, `${step.title} (${step.owner})`);
    header = `${data.runbookTitle} → ${data.environment} @ ${data.version} (run ${data.runId})`;
  };
  const print = ((event: RunEvent) => {
    learn(event);
    if (event.type === 'run.resumed') {
      const data = event.data as unknown as RunEventData['run.resumed'];
      const from = data.step ? ` from ${titles.get(data.step) ?? data.step}` : '';
      return `Resuming ${header ?? 'the run'}${from}, by ${data.by}`;
    }
    if (event.type === 'action.skipped') skipped.push((event.data as unknown as RunEventData['action.skipped']).action);
    if (event.type === 'run.finished' && skipped.length > 0) {
      // "Succeeded" must never hide that something did not run.
      return `${formatEvent(event)} — ${skipped.length} action(s) failed and were skipped: ${skipped.join(', ')}`;
    }
    if (event.type === 'step.started') {
      const step = (event.data as unknown as RunEventData['step.started']).step;
      if (started.has(step)) return undefined;
      started.add(step);
      const special: Record<string, string> = { '@rollback': 'Rollback', '@exit': 'Exit criteria' };
      return `── ${special[step] ?? titles.get(step) ?? step}`;
    }
    return formatEvent(event);
  }) as RunPrinter;
  print.prime = (events) => {
    for (const event of events) learn(event);
  };
  return print;
}
