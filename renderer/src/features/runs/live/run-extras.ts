import type { RunEvent } from '../../../../../shared/runs/run-event';
import type { RunEventData, StrategyStage } from '../../../../../shared/runs/run-events';

// What the run view shows beyond the shared reducer's RunState: alert rules and their state, the
// deploy strategy's stages as they progress, where traffic goes, measured downtime. Folded from
// the same journal events, one at a time, so a live run updates as it goes.

export type AlertView = RunEventData['alert.changed'] & { at: string };

export interface StageView extends StrategyStage {
  state?: RunEventData['strategy.stage']['state'];
  detail?: string;
}

export interface RunExtras {
  /** Latest state per alert rule, in the order rules first reported. */
  alerts: AlertView[];
  strategy?: { name: string; stages: StageView[] };
  traffic?: RunEventData['traffic.switched'] & { at: string };
  downtimeMs?: number;
  /** Events folded so far (the journal's last seq), to skip what was already applied. */
  lastSeq: number;
}

export function emptyExtras(): RunExtras {
  return { alerts: [], lastSeq: 0 };
}

function data<T extends keyof RunEventData>(event: RunEvent): RunEventData[T] {
  return event.data as unknown as RunEventData[T];
}

export function applyExtras(extras: RunExtras, event: RunEvent): RunExtras {
  const next: RunExtras = { ...extras, lastSeq: Math.max(extras.lastSeq, event.seq) };
  switch (event.type) {
    case 'alert.changed': {
      const alert = { ...data<'alert.changed'>(event), at: event.at };
      const known = extras.alerts.some((a) => a.rule === alert.rule);
      next.alerts = known ? extras.alerts.map((a) => (a.rule === alert.rule ? alert : a)) : [...extras.alerts, alert];
      break;
    }
    case 'strategy.planned': {
      const planned = data<'strategy.planned'>(event);
      next.strategy = { name: planned.strategy, stages: (planned.stages ?? []).map((stage) => ({ ...stage })) };
      break;
    }
    case 'strategy.stage': {
      const { stage, state, detail } = data<'strategy.stage'>(event);
      if (extras.strategy) {
        next.strategy = {
          ...extras.strategy,
          stages: extras.strategy.stages.map((s) => (s.id === stage ? { ...s, state, detail } : s)),
        };
      }
      break;
    }
    case 'traffic.switched':
      next.traffic = { ...data<'traffic.switched'>(event), at: event.at };
      break;
    case 'downtime.measured':
      next.downtimeMs = data<'downtime.measured'>(event).ms;
      break;
  }
  return next;
}

export function foldExtras(events: readonly RunEvent[]): RunExtras {
  return events.reduce(applyExtras, emptyExtras());
}

/** Rules that fire now, worst first: what the header's alert banner names. */
export function firingAlerts(extras: RunExtras): AlertView[] {
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  return extras.alerts.filter((a) => a.state === 'firing').sort((a, b) => rank[a.severity] - rank[b.severity]);
}
