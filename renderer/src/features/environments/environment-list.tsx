import type { EnvironmentSummary, ProjectSummary } from '../../../../shared/api/schemas/project';
import { countLabel } from '../../lib/format-problem';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { type Column, DataTable } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { Lock, Server } from '../../ui/icons';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { ProblemList } from '../../ui/problem-list';
import { StatusBadge } from '../../ui/status-badge';
import { ProblemsCell } from '../projects/problems-cell';
import { environmentsStore, useEnvironments } from './environments-store';
import './environments.css';

const columns: Column<EnvironmentSummary>[] = [
  {
    key: 'name',
    header: 'Environment',
    cell: (env) => (
      <span className="environment-name">
        <span className="cell-primary">{env.name}</span>
        {env.protected ? (
          <StatusBadge
            tone="warning"
            icon={<Lock aria-hidden />}
            title="Deploying here needs staging to have passed, the runbook's approvals and typed confirmation"
          >
            Protected
          </StatusBadge>
        ) : null}
      </span>
    ),
  },
  { key: 'file', header: 'File', cell: (env) => env.file, mono: true, width: '34%' },
  { key: 'hosts', header: 'Hosts', cell: (env) => env.hostCount, align: 'end', width: '80px' },
  { key: 'status', header: 'Status', cell: (env) => <ProblemsCell problems={env.problems} />, width: '140px' },
];

export function EnvironmentList({ project }: { project: ProjectSummary }) {
  const resource = useEnvironments(project.id);
  const retry = () => void environmentsStore.getState().load(project.id);

  if (!resource || (resource.phase === 'loading' && resource.items.length === 0)) {
    return (
      <Panel>
        <Loading label={`Reading the environments of ${project.name}…`} />
      </Panel>
    );
  }
  if (resource.phase === 'failed') {
    return (
      <Banner
        tone="danger"
        title={`Could not read the environments of ${project.name}`}
        actions={
          <Button size="sm" onClick={retry}>
            Retry
          </Button>
        }
      >
        {resource.error}
      </Banner>
    );
  }
  if (resource.items.length === 0) {
    return (
      <Panel>
        <EmptyState icon={Server} title={`${project.name} has no environments yet`}>
          Describe them in <code>.release-pilot/environments.yml</code> under <code>environments:</code>, one entry per
          environment with its <code>hosts:</code>, then choose Refresh.
        </EmptyState>
      </Panel>
    );
  }
  const protectedCount = resource.items.filter((env) => env.protected).length;
  return (
    <Panel
      body="flush"
      title={countLabel(resource.items.length, 'environment')}
      description={
        protectedCount ? `${protectedCount} protected: deploying there asks for approvals and confirmation.` : undefined
      }
    >
      <DataTable
        label={`Environments of ${project.name}`}
        columns={columns}
        rows={resource.items}
        rowKey={(env) => `${env.file}#${env.name}`}
        detail={(env) =>
          env.problems.length ? <ProblemList problems={env.problems} label={`Problems in ${env.name}`} /> : null
        }
      />
    </Panel>
  );
}
