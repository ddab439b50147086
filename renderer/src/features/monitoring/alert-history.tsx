import type { AlertChange } from '../../../../shared/api/schemas/monitoring';
import { formatMetricValue } from '../../../../shared/monitor/format-metric';
import { formatDateTime } from '../../lib/format-time';
import { type Column, DataTable } from '../../ui/data-table';
import { formatClock } from './format-clock';
import { RuleStateBadge } from './rule-state-badge';

type Row = AlertChange & { index: number };

const columns: Column<Row>[] = [
  {
    key: 'at',
    header: 'Time',
    width: '110px',
    cell: (change) => (
      <time dateTime={change.at} title={formatDateTime(change.at)}>
        {formatClock(change.at)}
      </time>
    ),
  },
  { key: 'state', header: 'Became', width: '132px', cell: (change) => <RuleStateBadge state={change.state} /> },
  {
    key: 'rule',
    header: 'Rule',
    cell: (change) => (
      <>
        <span className="cell-primary">{change.rule}</span>
        <span className="cell-secondary mono">{change.condition}</span>
      </>
    ),
  },
  {
    key: 'value',
    header: 'Value',
    width: '96px',
    align: 'end',
    cell: (change) => (change.value === undefined ? '—' : formatMetricValue(change.condition, change.value)),
  },
];

/** Every alert state change, oldest first, as the journal recorded it. */
export function AlertHistory({ alerts }: { alerts: readonly AlertChange[] }) {
  const rows = alerts.map((change, index) => ({ ...change, index }));
  return <DataTable label="Alert changes" columns={columns} rows={rows} rowKey={(row) => String(row.index)} />;
}
