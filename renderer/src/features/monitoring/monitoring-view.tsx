import { useMemo } from 'react';
import { hrefFor } from '../../app/routes';
import { Banner } from '../../ui/banner';
import { LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { StatusBadge } from '../../ui/status-badge';
import { RunStatusBadge } from '../runs/run-status-badge';
import { useRuns } from '../runs/runs-store';
import { AlertHistory } from './alert-history';
import { monitoringCharts } from './chart-data';
import { BandKey, ChartGrid } from './chart-grid';
import { monitoringHeadline } from './monitoring-headline';
import { Activity, ArrowLeft } from './monitoring-icons';
import { MonitoringSummary } from './monitoring-summary';
import { byUrgency, ruleStates } from './rule-states';
import { RuleTable } from './rule-table';
import { useRunMonitoring } from './use-run-monitoring';
import './monitoring.css';

// One run's monitoring: what the probes measured over the run, the alert rules and their state,
// the downtime at the cutover. Live while the run is: every journal line pushed is folded in.

export function MonitoringView({ runId }: { runId: string }) {
  const { phase, view, error, reload } = useRunMonitoring(runId);
  const run = useRuns((state) => state.runs.find((r) => r.id === runId));
  const charts = useMemo(() => (view ? monitoringCharts(view) : []), [view]);
  const rules = useMemo(() => (view ? byUrgency(ruleStates(view)) : []), [view]);
  const live = view !== undefined && !view.endedAt;

  const toolbar = (
    <div className="monitoring-toolbar">
      <LinkButton href={hrefFor('monitoring')} icon={ArrowLeft} variant="ghost">
        All runs
      </LinkButton>
      <div className="monitoring-run">
        <span className="monitoring-run-id mono">{runId}</span>
        {view?.environment ? (
          <span className="muted">
            {view.environment} · {view.version}
          </span>
        ) : null}
        {run ? <RunStatusBadge status={run.status} interrupted={run.interrupted} /> : null}
        {live ? (
          <StatusBadge tone="info" dot title="New figures appear as the run records them">
            Live
          </StatusBadge>
        ) : null}
      </div>
    </div>
  );

  if (!view) {
    return (
      <div className="monitoring-view">
        {toolbar}
        {phase === 'failed' ? (
          <LoadFailed title={`Could not read the monitoring of ${runId}`} onRetry={() => void reload()}>
            {error}
          </LoadFailed>
        ) : (
          <Loading label="Reading the run’s journal…" />
        )}
      </div>
    );
  }

  const monitored = view.started.length > 0 || view.windows.length > 0;
  const headline = monitoringHeadline(view);
  return (
    <div className="monitoring-view">
      {toolbar}
      {phase === 'failed' ? (
        <LoadFailed title="Could not refresh the monitoring" onRetry={() => void reload()}>
          {error}
        </LoadFailed>
      ) : null}
      {headline ? <Banner tone={headline.tone} title={headline.text} /> : null}
      {monitored ? (
        <>
          <MonitoringSummary view={view} rules={rules} />
          <Panel
            title="Charts"
            description="One point per probe window, at the window’s end."
            actions={<BandKey downtime={Boolean(view.downtime?.ms)} />}
          >
            <ChartGrid charts={charts} />
          </Panel>
        </>
      ) : (
        <Panel>
          <EmptyState icon={Activity} title="This run recorded no monitoring">
            No probe or Prometheus figures are in its journal: monitoring starts with a deploy or watch action, when the
            environment has <code>monitoring.probes.url</code> or <code>urls.health</code>.
            {live ? ' Figures appear here as soon as the run records them.' : ''}
          </EmptyState>
        </Panel>
      )}
      <Panel
        body="flush"
        title="Alert rules"
        description={
          view.rulesProblem
            ? `Only rules that changed state are known: ${view.rulesProblem}.`
            : `From the runbook ${view.runbook ?? ''}; thresholds are drawn on the charts.`
        }
      >
        {rules.length > 0 ? (
          <RuleTable rules={rules} />
        ) : (
          <p className="monitoring-note">
            {view.rulesProblem
              ? 'No rule changed state in this run, and the runbook’s rules could not be read.'
              : 'The runbook has no alert rules.'}
          </p>
        )}
      </Panel>
      {view.alerts.length > 0 ? (
        <Panel body="flush" title="Alert changes" description="Every change of state, as the journal recorded it.">
          <AlertHistory alerts={view.alerts} />
        </Panel>
      ) : null}
    </div>
  );
}
