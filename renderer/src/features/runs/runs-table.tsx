import type { ReactNode } from 'react';
import type { RunSummary } from '../../../../shared/api/schemas/run';
import { formatDateTime, formatTimestamp, runDuration } from '../../lib/format-time';
import { type Column, DataTable } from '../../ui/data-table';
import { RunStatusBadge } from './run-status-badge';

const placeholder = <span className="cell-placeholder">—</span>;

/** A journal that could not be read at all has no real runbook, environment or version to show. */
const known = (run: RunSummary, value: string | undefined) =>
  run.status === 'unreadable' && !run.startedAt ? undefined : value;

function Time({ iso }: { iso: string | undefined }) {
  if (!iso) return placeholder;
  return (
    <time className="cell-time" dateTime={iso} title={formatDateTime(iso)}>
      {formatTimestamp(iso)}
    </time>
  );
}

export const runColumns = {
  id: { key: 'id', header: 'Run', cell: (run) => <span title={run.id}>{run.id}</span>, mono: true, width: '200px' },
  status: {
    key: 'status',
    header: 'Status',
    cell: (run) => <RunStatusBadge status={run.status} interrupted={run.interrupted} />,
    width: '136px',
  },
  environment: {
    key: 'environment',
    header: 'Environment',
    cell: (run) =>
      known(run, run.environment) ? (
        <>
          <span className="cell-primary">{run.environment}</span>
          <span className="cell-secondary" title={run.runbook}>
            {run.runbook}
          </span>
        </>
      ) : (
        placeholder
      ),
  },
  version: {
    key: 'version',
    header: 'Version',
    cell: (run) => known(run, run.version) ?? placeholder,
    mono: true,
    width: '96px',
  },
  strategy: { key: 'strategy', header: 'Strategy', cell: (run) => run.strategy ?? placeholder, width: '104px' },
  operator: {
    key: 'operator',
    header: 'Operator',
    cell: (run) => run.operator ?? placeholder,
    width: '140px',
  },
  started: { key: 'started', header: 'Started', cell: (run) => <Time iso={run.startedAt} />, width: '160px' },
  duration: {
    key: 'duration',
    header: 'Duration',
    cell: (run) => runDuration(run.startedAt, run.endedAt) ?? placeholder,
    align: 'end',
    width: '96px',
  },
  ended: {
    key: 'ended',
    header: 'Ended',
    width: '160px',
    cell: (run) =>
      run.endedAt ? (
        <>
          <Time iso={run.endedAt} />
          <span className="cell-secondary">took {runDuration(run.startedAt, run.endedAt) ?? '—'}</span>
        </>
      ) : (
        placeholder
      ),
  },
} satisfies Record<string, Column<RunSummary>>;

const allColumns = Object.values(runColumns);

/** Runs, newest first (the host sorts). An unreadable journal gets its reason under the row. */
export function RunsTable({
  runs,
  label,
  columns = allColumns,
  detail,
}: {
  runs: readonly RunSummary[];
  label: string;
  columns?: Column<RunSummary>[];
  /** More under a row (the runs screen's resume and close actions). */
  detail?: (run: RunSummary) => ReactNode;
}) {
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={runs}
      rowKey={(run) => run.id}
      detail={(run) => (run.problem ? <p className="run-problem">{run.problem}</p> : (detail?.(run) ?? null))}
    />
  );
}
