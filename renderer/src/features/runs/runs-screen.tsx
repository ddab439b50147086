import { lazy, Suspense, useState } from 'react';
import { useAppInfo } from '../../app/app-info-store';
import { useHashRoute } from '../../app/navigation';
import { hrefFor } from '../../app/routes';
import { countLabel } from '../../lib/format-problem';
import { Button, LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { RefreshCw, Rocket } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { RunFilterBar } from './history/run-filter-bar';
import { filterRuns, noFilters, type RunFilters } from './history/run-filters';
import { RunsHistory } from './history/runs-history';
import { useInterruptedRuns } from './history/use-interrupted';
import { Plus } from './run-icons';
import { useRuns } from './runs-store';
import { useRunsOnVisit } from './use-runs-on-visit';
import './runs.css';

// The Runs screen: the history (#/runs), the start dialog over it (#/runs/new), and one run's
// live or recorded view (#/runs/<id>). The dialog and the run view are chunks of their own,
// loaded the first time they are opened.
const StartDialog = lazy(() => import('./start/start-dialog').then((m) => ({ default: m.StartDialog })));
const RunView = lazy(() => import('./live/run-view').then((m) => ({ default: m.RunView })));

function RunsBody() {
  const { phase, runs, error, load } = useRuns();
  const interrupted = useInterruptedRuns(runs);
  const dataDir = useAppInfo((state) => state.info?.dataDir);
  const [filters, setFilters] = useState<RunFilters>(noFilters);
  if (phase === 'loading' && runs.length === 0) {
    return (
      <Panel>
        <Loading label="Reading run journals…" />
      </Panel>
    );
  }
  if (phase === 'failed') {
    return (
      <LoadFailed title="Could not list the runs" onRetry={() => void load()}>
        {error}
      </LoadFailed>
    );
  }
  if (runs.length === 0) {
    return (
      <Panel>
        <EmptyState icon={Rocket} title="No runs yet">
          A run is one deployment: a runbook taken through an environment for a version. Each run is journaled
          {dataDir ? (
            <>
              {' '}
              in <code>{dataDir}/runs</code>
            </>
          ) : null}{' '}
          and listed here from the moment it starts, with its status live.
        </EmptyState>
      </Panel>
    );
  }
  const shown = filterRuns(runs, filters);
  return (
    <Panel
      body="flush"
      title={
        shown.length === runs.length
          ? countLabel(runs.length, 'run')
          : `${shown.length} of ${countLabel(runs.length, 'run')}`
      }
      description={
        interrupted.size
          ? `Newest first. ${countLabel(interrupted.size, 'run')} interrupted or left open: resume or close ${interrupted.size === 1 ? 'it' : 'them'}.`
          : 'Newest first. Open a run to follow it live or read it back.'
      }
    >
      <RunFilterBar runs={runs} filters={filters} onChange={setFilters} />
      {shown.length > 0 ? (
        <RunsHistory runs={shown} interrupted={interrupted} onChanged={() => void load()} />
      ) : (
        <p className="run-filters-none">No run matches these filters.</p>
      )}
    </Panel>
  );
}

export function RunsScreen() {
  const param = useHashRoute().params[0];
  if (param && param !== 'new') {
    return (
      <Suspense fallback={<Loading label="Loading the run…" />}>
        <RunView key={param} runId={param} />
      </Suspense>
    );
  }
  return <RunHistoryScreen startOpen={param === 'new'} />;
}

function RunHistoryScreen({ startOpen }: { startOpen: boolean }) {
  const load = useRunsOnVisit();
  const refreshing = useRuns((state) => state.phase === 'loading');
  return (
    <div className="screen">
      <PageHeader
        title="Runs"
        description="Every deployment run with its outcome. Runs are read from their journals, so a crash loses none."
        actions={
          <>
            <Button icon={RefreshCw} busy={refreshing} onClick={() => void load()}>
              Refresh
            </Button>
            <LinkButton variant="primary" icon={Plus} href={hrefFor('runs', 'new')}>
              New run
            </LinkButton>
          </>
        }
      />
      <RunsBody />
      {startOpen ? (
        <Suspense fallback={null}>
          <StartDialog />
        </Suspense>
      ) : null}
    </div>
  );
}
