import { useEffect, useState } from 'react';
import { formatDuration } from '../../../lib/format-time';
import { formatClock } from '../../monitoring/format-clock';
import { RuleStateBadge } from '../../monitoring/rule-state-badge';
import { useRunMonitoring } from '../../monitoring/use-run-monitoring';
import { timeLeft, watchFigures } from './watch-figures';

// A running watch action, live: how long it still watches, the figures of the last probe window,
// and each alert rule against its threshold. Fed by the same monitor.window / alert.changed pushes
// as the monitoring screen, so both always agree.

function Countdown({ startedAt, durationMs }: { startedAt: string; durationMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="watch-countdown">
      <span className="watch-countdown-left" role="timer" aria-label="Watch time left">
        {timeLeft(startedAt, durationMs, now)}
      </span>{' '}
      <span className="muted">left of {formatDuration(durationMs)}</span>
    </p>
  );
}

export function WatchLive({
  runId,
  startedAt,
  durationMs,
}: {
  runId: string;
  startedAt?: string;
  durationMs?: number;
}) {
  const { view } = useRunMonitoring(runId);
  const watch = view ? watchFigures(view) : undefined;
  // An ended run watches nothing, whatever state its last action was left in.
  if (view?.endedAt) return null;
  return (
    <section className="watch-live" aria-label="The watch, live">
      {startedAt && durationMs !== undefined ? <Countdown startedAt={startedAt} durationMs={durationMs} /> : null}
      {!watch ? (
        <p className="muted">Reading the run’s monitoring…</p>
      ) : (
        <>
          <dl className="watch-figures" aria-label="Last probe window">
            {watch.figures.map((figure) => (
              <div key={figure.label} className="watch-figure">
                <dt>{figure.label}</dt>
                <dd>{figure.value ?? (watch.heldUp ? 'Not measured' : '—')}</dd>
              </div>
            ))}
          </dl>
          <p className="watch-window muted">
            {watch.at ? `Last window ended ${formatClock(watch.at)}` : 'Waiting for the first probe window.'}
            {watch.notMeasured
              ? ` ${watch.notMeasured} probe${watch.notMeasured === 1 ? '' : 's'} not measured (this machine was busy)${watch.heldUp ? ': too few measured to judge the app' : ''}.`
              : ''}
          </p>
          {watch.rules.length > 0 ? (
            <table className="watch-rules" aria-label="Alert rules against the live figures">
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Threshold</th>
                  <th scope="col">Now</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {watch.rules.map((rule) => (
                  <tr key={rule.name}>
                    <th scope="row">
                      {rule.name}
                      {rule.action === 'rollback' ? <span className="muted"> · rolls back</span> : null}
                    </th>
                    <td>
                      <code>{rule.condition}</code>
                    </td>
                    <td>{rule.now ?? (watch.heldUp ? 'not measured' : '—')}</td>
                    <td>
                      <RuleStateBadge state={rule.state} />
                      {rule.state !== 'ok' && rule.value ? <span> at {rule.value}</span> : null}
                      {rule.state !== 'ok' && rule.since ? (
                        <span className="muted"> since {formatClock(rule.since)}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">The runbook has no alert rules.</p>
          )}
        </>
      )}
    </section>
  );
}
