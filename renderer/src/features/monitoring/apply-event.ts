import {
  AlertChange,
  Downtime,
  MonitorStart,
  MonitorWindow,
  type RunMonitoring,
} from '../../../../shared/api/schemas/monitoring';
import { momentOf } from '../../../../shared/monitor/monitoring-moments';
import type { RunEvent } from '../../../../shared/runs/run-event';

// A live run's monitoring grows from its `runs:event` pushes: each journal line that concerns the
// charts is folded in with the same schemas the host used to read the journal. Anything else
// returns the same object, so React does not redraw the charts for a checklist tick.

export function applyMonitoringEvent(view: RunMonitoring, event: RunEvent): RunMonitoring {
  // Already in the view (the push raced the fetch that answered it).
  if (event.seq <= view.lastSeq) return view;
  const next = (patch: Partial<RunMonitoring>): RunMonitoring => ({ ...view, ...patch, lastSeq: event.seq });
  switch (event.type) {
    case 'monitor.window': {
      const parsed = MonitorWindow.safeParse(event.data);
      return parsed.success ? next({ windows: [...view.windows, parsed.data] }) : view;
    }
    case 'alert.changed': {
      const parsed = AlertChange.safeParse({ ...event.data, at: event.at });
      if (!parsed.success) return view;
      const known = view.rules.some((rule) => rule.name === parsed.data.rule);
      const { rule, condition, severity, action } = parsed.data;
      return next({
        alerts: [...view.alerts, parsed.data],
        rules: known ? view.rules : [...view.rules, { name: rule, condition, severity, action }],
      });
    }
    case 'monitor.started': {
      const parsed = MonitorStart.safeParse({ ...event.data, at: event.at });
      return parsed.success ? next({ started: [...view.started, parsed.data], stopped: false }) : view;
    }
    case 'monitor.stopped':
      return next({ stopped: true });
    case 'downtime.measured': {
      const parsed = Downtime.safeParse(event.data);
      return parsed.success ? next({ downtime: parsed.data }) : view;
    }
    case 'run.finished':
      return next({ endedAt: event.at });
    case 'traffic.switched':
    case 'rollback.started':
    case 'rollback.finished': {
      const moment = momentOf(event, view.rollback);
      if (moment?.cutover) return next({ cutovers: [...(view.cutovers ?? []), moment.cutover] });
      return moment?.rollback ? next({ rollback: moment.rollback }) : view;
    }
    default:
      return view;
  }
}
