import type { Host } from '../../../../shared/formats/environment-schema';
import { type Column, DataTable } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { Server } from '../../ui/icons';
import { addressText, hostKeyText } from './environment-properties';

const columns: Column<Host>[] = [
  { key: 'name', header: 'Host', width: '16%', cell: (host) => <span className="cell-primary">{host.name}</span> },
  { key: 'address', header: 'Address', width: '22%', mono: true, cell: (host) => addressText(host) },
  {
    key: 'user',
    header: 'User',
    width: '12%',
    mono: true,
    cell: (host) => host.user ?? <span className="cell-placeholder">default</span>,
  },
  {
    key: 'key',
    header: 'Host key',
    width: '26%',
    cell: (host) => (
      <span className={host.hostKey ? 'mono' : undefined} title={host.hostKey ?? host.knownHosts ?? host.alias}>
        {hostKeyText(host)}
      </span>
    ),
  },
  {
    key: 'app',
    header: 'App URL',
    cell: (host) =>
      host.appUrl ? <span className="mono">{host.appUrl}</span> : <span className="cell-placeholder">—</span>,
  },
];

export function HostsTable({ environment, hosts }: { environment: string; hosts: readonly Host[] }) {
  if (hosts.length === 0) {
    return (
      <EmptyState icon={Server} title="No hosts" size="compact">
        Actions run on this machine, and the deploy lock and release history are kept in its data folder.
      </EmptyState>
    );
  }
  return <DataTable label={`Hosts of ${environment}`} columns={columns} rows={hosts} rowKey={(host) => host.name} />;
}
