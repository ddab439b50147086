import { lazy, Suspense, useEffect, useState } from 'react';
import { navigate, useHashRoute } from '../../app/navigation';
import { hrefFor } from '../../app/routes';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { ScrollText } from '../../ui/log-view/log-icons';
import { LogView } from '../../ui/log-view/log-view';
import { PageHeader } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { RunStatusBadge } from '../runs/run-status-badge';
import { useRuns } from '../runs/runs-store';
import { useRunsOnVisit } from '../runs/use-runs-on-visit';
import { AddSourceDialog } from './add-source-dialog';
import { useFollowSources } from './follow-sources';
import { FollowedSources } from './followed-sources';
import { capacityChoices, followSources, liveLogs, useLiveLogs, useRunLogs } from './live-logs';
import { Plus } from './log-source-icons';
import { backlogLines } from './run-logs-watcher';
import { CapacityPicker, RunPicker } from './run-picker';
import './logs.css';

// The benchmark's page (`?bench=logs`, scripts/bench/logs.ts): its own chunk, loaded only then.
const BenchHarness = lazy(() => import('./bench-harness').then((m) => ({ default: m.BenchHarness })));

const benchMode = () => new URLSearchParams(window.location.search).get('bench') === 'logs';

export function LogsScreen() {
  if (benchMode()) {
    return (
      <Suspense fallback={<Loading label="Loading the log benchmark…" />}>
        <BenchHarness />
      </Suspense>
    );
  }
  return <LiveLogsScreen />;
}

/** With no run in the address, the newest run in progress (else the newest run) is shown. */
function useChosenRun(): string | undefined {
  const route = useHashRoute();
  const param = route.params[0];
  const onLogs = route.screen === 'logs';
  const runs = useRuns((state) => state.runs);
  const fallback = runs.find((run) => run.status === 'open') ?? runs[0];
  useEffect(() => {
    // Only while Logs is the screen: leaving it must not bounce back here. `replace`: Back should
    // not land on the address without a run and bounce forward again.
    if (onLogs && !param && fallback) window.location.replace(hrefFor('logs', fallback.id));
  }, [onLogs, param, fallback]);
  return param;
}

function LiveLogsScreen() {
  useRunsOnVisit();
  const runId = useChosenRun();
  const runs = useRuns((state) => state.runs);
  const runsPhase = useRuns((state) => state.phase);
  const run = runs.find((r) => r.id === runId);
  const sources = useLiveLogs((state) => state.sources);
  const capacity = useLiveLogs((state) => state.capacity);
  const { phase, reload } = useRunLogs(runId);
  const followCount = useFollowSources((state) => state.follows.length);
  const [adding, setAdding] = useState(false);
  useEffect(() => followSources.start(), []);

  return (
    <div className="screen logs-screen">
      <PageHeader
        title="Logs"
        description="The output of a run's actions on every host as it happens, beside any container, file or journal you add. Each source keeps its newest lines; a run's whole log stays in its logs.ndjson."
        actions={run ? <RunStatusBadge status={run.status} interrupted={run.interrupted} /> : null}
      />
      <div className="logs-controls">
        <RunPicker runs={runs} value={runId} onChange={(id) => navigate('logs', id)} />
        <CapacityPicker value={capacity} choices={capacityChoices} onChange={(n) => liveLogs.setCapacity(n)} />
        <Button icon={Plus} onClick={() => setAdding(true)}>
          Add source
        </Button>
      </div>
      <FollowedSources />
      {adding ? <AddSourceDialog preferredEnvironment={run?.environment} onClose={() => setAdding(false)} /> : null}
      {phase.kind === 'failed' ? (
        <LoadFailed title={`Could not read the output of ${runId}`} onRetry={reload}>
          {phase.message}
        </LoadFailed>
      ) : null}
      {runId && !run && runsPhase === 'ready' ? (
        <Banner tone="warning" title={`No run "${runId}" in this data directory`}>
          The address names a run this host has no journal for. Choose a run above; lines will still appear here if a
          run by that id starts.
        </Banner>
      ) : null}
      {phase.kind === 'live' && phase.truncated ? (
        <Banner tone="info">
          Showing the run's last {backlogLines.toLocaleString()} written lines and everything from now on; older output
          is in the run's logs.ndjson.
        </Banner>
      ) : null}
      {!runId && followCount === 0 ? (
        <Panel>
          {runsPhase === 'loading' ? (
            <Loading label="Reading run journals…" />
          ) : (
            <EmptyState
              icon={ScrollText}
              title="No run to follow yet"
              action={
                <Button icon={Plus} onClick={() => setAdding(true)}>
                  Add source
                </Button>
              }
            >
              Start a run and its actions' output appears here live, one source per action and host. Or add a container,
              a log file or a journal to follow now.
            </EmptyState>
          )}
        </Panel>
      ) : (
        <LogView
          key={runId ?? 'sources'}
          feed={liveLogs.feed}
          sources={sources}
          fileName={runId ? `${runId}-output` : 'log-sources'}
          label={runId ? `Output of run ${runId}` : 'Added log sources'}
          stateKey="live-logs"
          waiting={phase.kind === 'loading' ? 'Loading the output written so far…' : 'Waiting for output…'}
        />
      )}
    </div>
  );
}
