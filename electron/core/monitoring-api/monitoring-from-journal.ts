import {
  AlertChange,
  type Cutover,
  Downtime,
  type MonitoringRule,
  MonitorStart,
  MonitorWindow,
  type RunMonitoring,
} from '../../../shared/api/schemas/monitoring';
import { momentOf } from '../../../shared/monitor/monitoring-moments';
import type { RunEvent } from '../../../shared/runs/run-event';

// A run's monitoring as its journal tells it: every probe window, every alert change, the
// downtime measured and which monitors started and stopped. Lines that do not parse (an older
// writer, a damaged line) are left out rather than drawn wrong.

export interface RulesOfRun {
  rules: MonitoringRule[];
  problem?: string;
}

/** The runbook's rules, plus any rule the journal saw change that the runbook no longer has. */
function mergeRules(fromRunbook: readonly MonitoringRule[], alerts: readonly AlertChange[]): MonitoringRule[] {
  const rules = [...fromRunbook];
  for (const change of alerts) {
    if (rules.some((rule) => rule.name === change.rule)) continue;
    rules.push({ name: change.rule, condition: change.condition, severity: change.severity, action: change.action });
  }
  return rules;
}

export function monitoringFromEvents(runId: string, events: readonly RunEvent[], rules: RulesOfRun): RunMonitoring {
  const started = events.find((event) => event.type === 'run.started');
  const finished = events.findLast((event) => event.type === 'run.finished');
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const windows: RunMonitoring['windows'] = [];
  const alerts: RunMonitoring['alerts'] = [];
  const monitors: RunMonitoring['started'] = [];
  let stops = 0;
  let downtime: RunMonitoring['downtime'];
  const cutovers: Cutover[] = [];
  let rollback: RunMonitoring['rollback'];
  for (const event of events) {
    const moment = momentOf(event, rollback);
    if (moment?.cutover) cutovers.push(moment.cutover);
    if (moment?.rollback) rollback = moment.rollback;
    if (event.type === 'monitor.window') {
      const parsed = MonitorWindow.safeParse(event.data);
      if (parsed.success) windows.push(parsed.data);
    } else if (event.type === 'alert.changed') {
      const parsed = AlertChange.safeParse({ ...event.data, at: event.at });
      if (parsed.success) alerts.push(parsed.data);
    } else if (event.type === 'monitor.started') {
      const parsed = MonitorStart.safeParse({ ...event.data, at: event.at });
      if (parsed.success) monitors.push(parsed.data);
    } else if (event.type === 'monitor.stopped') {
      stops += 1;
    } else if (event.type === 'downtime.measured') {
      const parsed = Downtime.safeParse(event.data);
      if (parsed.success) downtime = parsed.data;
    }
  }
  return {
    runId,
    lastSeq: events.at(-1)?.seq ?? 0,
    environment: text(started?.data.environment),
    version: text(started?.data.version),
    runbook: text(started?.data.runbook),
    startedAt: started?.at,
    endedAt: finished?.at,
    rules: mergeRules(rules.rules, alerts),
    ...(rules.problem ? { rulesProblem: rules.problem } : {}),
    started: monitors,
    stopped: monitors.length > 0 && stops >= monitors.length,
    windows,
    alerts,
    ...(downtime ? { downtime } : {}),
    ...(text(started?.data.strategy) ? { strategy: text(started?.data.strategy) } : {}),
    cutovers,
    ...(rollback ? { rollback } : {}),
  };
}
