import type { EnvironmentStatus } from '../../../../shared/api/schemas/environments';
import { hrefFor } from '../../app/routes';
import { formatDateTime } from '../../lib/format-time';
import { Banner } from '../../ui/banner';
import { type Column, DataTable } from '../../ui/data-table';
import { AlertTriangle, Lock } from '../../ui/icons';
import { StatusBadge } from '../../ui/status-badge';
import { useProjects } from '../projects/projects-store';
import { RunCaveat } from '../runs/run-caveat';
import { RunStatusBadge } from '../runs/run-status-badge';
import { LockOpen } from './dashboard-icons';
import { OpenRunActions } from './open-run-actions';
import { liveSourceNote, liveSummary, lockSummary, splitWarnings, timeAgo } from './status-text';

// One row per environment: what is live, who holds the lock, the last run and how it ended.
// What could not be read is said under the row (naming the host), never silently left blank.

function LiveCell({ status }: { status: EnvironmentStatus }) {
  if (!status.liveVersion) {
    // With something unreadable (see the warning under the row) "nothing deployed" would be a guess.
    return <span className="cell-placeholder">{status.warnings.length ? 'Unknown' : 'Not deployed yet'}</span>;
  }
  return (
    <span title={liveSummary(status)}>
      <span className="status-version mono">{status.liveVersion}</span>
      <span className="cell-secondary">{liveSourceNote(status.liveSource)}</span>
    </span>
  );
}

function LockCell({ status }: { status: EnvironmentStatus }) {
  const lock = lockSummary(status);
  if (lock.tone === 'free') {
    return (
      <span className="status-lock-free">
        <LockOpen size={14} aria-hidden />
        Free
      </span>
    );
  }
  if (lock.tone === 'unknown') return <span className="cell-placeholder">Unknown</span>;
  return (
    <span title={status.lock ? `${status.lock.where}, taken ${formatDateTime(status.lock.at)}` : undefined}>
      <span className="status-lock-holder">
        <Lock size={14} aria-hidden className={`status-lock-icon status-lock-${lock.tone}`} />
        <span className="cell-primary">{lock.text}</span>
        {lock.tone === 'stale' ? (
          <StatusBadge tone="warning" title="Older than staleLockAfter: probably a run that died">
            Stale
          </StatusBadge>
        ) : null}
      </span>
      <span className="cell-secondary">{lock.detail}</span>
    </span>
  );
}

function RunCell({ status }: { status: EnvironmentStatus }) {
  if (status.activeRun) {
    return (
      <span>
        <StatusBadge tone="info" dot>
          Running
        </StatusBadge>{' '}
        <a href={hrefFor('runs', status.activeRun.runId)} className="mono">
          {status.activeRun.version}
        </a>
        <span className="cell-secondary">run {status.activeRun.runId}</span>
      </span>
    );
  }
  const run = status.lastRun;
  if (!run && status.openRun) {
    return (
      <span>
        {status.openRun.interrupted ? (
          <RunStatusBadge status="open" interrupted={status.openRun.interrupted} />
        ) : (
          <StatusBadge tone="warning" dot title="No end recorded and nothing driving it: see below">
            Left open
          </StatusBadge>
        )}{' '}
        <a href={hrefFor('runs', status.openRun.runId)} className="mono">
          {status.openRun.version}
        </a>
        <span className="cell-secondary">{timeAgo(status.openRun.startedAt)}</span>
      </span>
    );
  }
  if (!run) return <span className="cell-placeholder">No runs yet</span>;
  return (
    <span>
      <RunStatusBadge status={run.status} />{' '}
      <a href={hrefFor('runs', run.runId)} className="mono" aria-label={`Run ${run.runId}: ${run.version}`}>
        {run.version}
      </a>
      <span className="cell-secondary" title={formatDateTime(run.endedAt)}>
        {timeAgo(run.endedAt)}
      </span>
      {run.caveat ? <RunCaveat caveat={run.caveat} /> : null}
    </span>
  );
}

/** The columns of one project's table: the environment link also makes that project the selected one. */
const columnsFor = (projectId: string): Column<EnvironmentStatus>[] => [
  {
    key: 'environment',
    header: 'Environment',
    width: '22%',
    cell: (status) => (
      <span className="status-env">
        <a
          className="cell-primary"
          href={hrefFor('environments', status.environment)}
          onClick={() => useProjects.getState().select(projectId)}
        >
          {status.environment}
        </a>
        {status.protected ? (
          <StatusBadge tone="warning" icon={<Lock aria-hidden />}>
            Protected
          </StatusBadge>
        ) : null}
      </span>
    ),
  },
  { key: 'live', header: 'Live version', width: '24%', cell: (status) => <LiveCell status={status} /> },
  { key: 'lock', header: 'Deploy lock', width: '27%', cell: (status) => <LockCell status={status} /> },
  { key: 'run', header: 'Last run', cell: (status) => <RunCell status={status} /> },
];

export function EnvironmentStatusTable({
  projectId,
  projectName,
  statuses,
  onChanged,
}: {
  projectId: string;
  projectName: string;
  statuses: readonly EnvironmentStatus[];
  onChanged: () => void;
}) {
  const { shared, own } = splitWarnings(statuses);
  return (
    <>
      {shared.length > 0 ? (
        <div className="status-shared">
          <Banner tone="warning" title="Hosts and locks cannot be read">
            {shared.map((warning) => (
              <p key={warning}>{warning}</p>
            ))}
            <p>
              <a href={hrefFor('environments', 'edit')} onClick={() => useProjects.getState().select(projectId)}>
                Fix it on the Environments screen
              </a>
            </p>
          </Banner>
        </div>
      ) : null}
      <DataTable
        label={`Environments of ${projectName}`}
        columns={columnsFor(projectId)}
        rows={statuses}
        rowKey={(status) => status.environment}
        detail={(status) => {
          const warnings = own[status.environment] ?? [];
          return warnings.length > 0 || status.openRun ? (
            <div className="status-detail">
              {warnings.map((warning) => (
                <p key={warning} className="status-warning">
                  <AlertTriangle size={14} aria-hidden />
                  <span>{warning}</span>
                </p>
              ))}
              {status.openRun ? (
                <OpenRunActions environment={status.environment} run={status.openRun} onClosed={onChanged} />
              ) : null}
            </div>
          ) : null;
        }}
      />
    </>
  );
}
