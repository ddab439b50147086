import { useAppInfo } from '../../app/app-info-store';
import { countLabel } from '../../lib/format-problem';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { RefreshCw, Rocket } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { useRuns } from './runs-store';
import { RunsTable } from './runs-table';
import { useRunsOnVisit } from './use-runs-on-visit';
import './runs.css';

function RunsBody() {
  const { phase, runs, error, load } = useRuns();
  const dataDir = useAppInfo((state) => state.info?.dataDir);
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
  return (
    <Panel body="flush" title={countLabel(runs.length, 'run')} description="Newest first.">
      <RunsTable runs={runs} label="Runs" />
    </Panel>
  );
}

export function RunsScreen() {
  const load = useRunsOnVisit();
  const refreshing = useRuns((state) => state.phase === 'loading');
  return (
    <div className="screen">
      <PageHeader
        title="Runs"
        description="Every deployment run with its outcome. Runs are read from their journals, so a crash loses none."
        actions={
          <Button icon={RefreshCw} busy={refreshing} onClick={() => void load()}>
            Refresh
          </Button>
        }
      />
      <RunsBody />
    </div>
  );
}
