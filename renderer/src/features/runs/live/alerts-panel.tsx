import { formatMetricValue } from '../../../../../shared/monitor/format-metric';
import { formatDateTime } from '../../../lib/format-time';
import { Panel } from '../../../ui/panel';
import { StatusBadge, type Tone } from '../../../ui/status-badge';
import { BellRing } from '../run-icons';
import type { RunExtras } from './run-extras';

const stateTone: Record<string, Tone> = { ok: 'success', pending: 'warning', firing: 'danger' };

/** The runbook's alert rules as this run evaluated them: state, last value, what firing does. */
export function AlertsPanel({ extras }: { extras: RunExtras }) {
  if (extras.alerts.length === 0 && extras.downtimeMs === undefined && !extras.traffic) return null;
  return (
    <Panel
      title={
        <>
          <BellRing size={15} aria-hidden /> Monitoring
        </>
      }
      description="Alert rules evaluated over the run's probes; a rule that rolls back does so by itself."
    >
      <div className="monitoring">
        {extras.alerts.length ? (
          <ul className="alerts" aria-label="Alert rules">
            {extras.alerts.map((alert) => (
              <li key={alert.rule} className="alert-rule">
                <StatusBadge tone={stateTone[alert.state] ?? 'neutral'} dot>
                  {alert.state}
                </StatusBadge>
                <span className="alert-name">{alert.rule}</span>
                <code className="alert-condition">{alert.condition}</code>
                <span className="alert-meta">
                  {alert.value !== undefined ? `measured ${formatMetricValue(alert.condition, alert.value)} · ` : ''}
                  {alert.severity} · {alert.action === 'rollback' ? 'rolls back' : 'notifies'} ·{' '}
                  {formatDateTime(alert.at)}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="monitoring-facts">
          {extras.traffic
            ? `Traffic at ${extras.traffic.where}: ${Object.entries(extras.traffic.weights)
                .map(([version, weight]) => `${version} ${weight}%`)
                .join(', ')}. `
            : ''}
          {extras.downtimeMs !== undefined ? `Measured downtime: ${extras.downtimeMs} ms.` : ''}
        </p>
      </div>
    </Panel>
  );
}
