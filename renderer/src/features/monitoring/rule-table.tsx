import { formatDuration } from '../../../../shared/formats/duration';
import { type Column, DataTable } from '../../ui/data-table';
import { formatClock } from './format-clock';
import { RuleStateBadge } from './rule-state-badge';
import type { RuleStateView } from './rule-states';

const chartNames = {
  'error-rate': 'Error rate',
  latency: 'Latency',
  availability: 'Availability',
  throughput: 'Throughput',
};

const columns: Column<RuleStateView>[] = [
  { key: 'state', header: 'State', width: '132px', cell: (rule) => <RuleStateBadge state={rule.state} /> },
  {
    key: 'rule',
    header: 'Rule',
    cell: (rule) => (
      <>
        <span className="cell-primary">{rule.name}</span>
        <span className="cell-secondary mono">{rule.condition}</span>
      </>
    ),
  },
  {
    key: 'for',
    header: 'For',
    width: '64px',
    cell: (rule) => (rule.for === undefined ? '—' : rule.for === 0 ? 'at once' : formatDuration(rule.for)),
  },
  {
    key: 'action',
    header: 'When it fires',
    width: '150px',
    cell: (rule) => (
      <>
        <span className="cell-primary">{rule.action === 'rollback' ? 'Rolls back' : 'Notifies'}</span>
        <span className="cell-secondary">{rule.severity}</span>
      </>
    ),
  },
  {
    key: 'last',
    header: 'Last change',
    width: '150px',
    cell: (rule) =>
      rule.since ? (
        <>
          <span className="cell-primary">{formatClock(rule.since)}</span>
          {rule.value ? <span className="cell-secondary">at {rule.value}</span> : null}
        </>
      ) : (
        <span className="cell-placeholder">none</span>
      ),
  },
  {
    key: 'chart',
    header: 'Drawn on',
    width: '120px',
    cell: (rule) => (rule.chart ? chartNames[rule.chart] : <span className="cell-placeholder">not charted</span>),
  },
];

export function RuleTable({ rules }: { rules: readonly RuleStateView[] }) {
  return <DataTable label="Alert rules and their state" columns={columns} rows={rules} rowKey={(rule) => rule.name} />;
}
