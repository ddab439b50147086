import type { EnvironmentSummary, ProjectSummary } from '../../../../shared/api/schemas/project';
import { countLabel } from '../../lib/format-problem';
import type { Column } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { Lock, Server } from '../../ui/icons';
import { ProblemList } from '../../ui/problem-list';
import { StatusBadge } from '../../ui/status-badge';
import { ProblemsCell } from '../projects/problems-cell';
import { ProjectResourceView } from '../projects/project-resource-view';
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
  return (
    <ProjectResourceView
      resource={resource}
      onRetry={() => void environmentsStore.getState().load(project.id)}
      labels={{
        loading: `Reading the environments of ${project.name}…`,
        failed: `Could not read the environments of ${project.name}`,
        count: (count) => countLabel(count, 'environment'),
        table: `Environments of ${project.name}`,
      }}
      columns={columns}
      rowKey={(env) => `${env.file}#${env.name}`}
      detail={(env) =>
        env.problems.length ? <ProblemList problems={env.problems} label={`Problems in ${env.name}`} /> : null
      }
      summary={(items) => {
        const protectedCount = items.filter((env) => env.protected).length;
        return protectedCount
          ? `${protectedCount} protected: deploying there asks for approvals and confirmation.`
          : undefined;
      }}
      empty={
        <EmptyState icon={Server} title={`${project.name} has no environments yet`}>
          Describe them in <code>.release-pilot/environments.yml</code> under <code>environments:</code>, one entry per
          environment with its <code>hosts:</code>, then choose Refresh.
        </EmptyState>
      }
    />
  );
}
