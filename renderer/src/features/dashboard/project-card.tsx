import type { ProjectSummary } from '../../../../shared/api/schemas/project';
import { hrefFor } from '../../app/routes';
import { countLabel } from '../../lib/format-problem';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { BookOpen, CircleAlert, CircleCheck, Server, X } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { ProblemList } from '../../ui/problem-list';
import { StatusBadge } from '../../ui/status-badge';
import { useProjects } from '../projects/projects-store';
import { DemoProjectBar } from './demo-project-bar';
import { EnvironmentStatusTable } from './environment-status-table';
import { statusStore, useEnvironmentStatus } from './status-store';

function ProblemsBadge({ count }: { count: number }) {
  return count === 0 ? (
    <StatusBadge tone="success" icon={<CircleCheck aria-hidden />}>
      No problems
    </StatusBadge>
  ) : (
    <StatusBadge tone="danger" icon={<CircleAlert aria-hidden />}>
      {countLabel(count, 'problem')}
    </StatusBadge>
  );
}

function ProjectEnvironments({ project }: { project: ProjectSummary }) {
  const status = useEnvironmentStatus(project.id);
  const reload = () => void statusStore.getState().load(project.id);
  if (!status || (status.phase === 'loading' && status.items.length === 0)) {
    return (
      <div className="project-status-pending">
        <Loading
          label={`Checking ${countLabel(project.environmentCount, 'environment')}: live versions, locks and runs…`}
        />
      </div>
    );
  }
  if (status.phase === 'failed') {
    return (
      <LoadFailed title={`Could not read the environments of ${project.name}`} onRetry={reload} padded>
        {status.error}
      </LoadFailed>
    );
  }
  if (status.items.length === 0) {
    return (
      <EmptyState icon={Server} title="No environments yet" size="compact">
        Describe where this project deploys in <code>.release-pilot/environments.yml</code> — on the{' '}
        <a href={hrefFor('environments', 'edit')} onClick={() => useProjects.getState().select(project.id)}>
          Environments
        </a>{' '}
        screen.
      </EmptyState>
    );
  }
  return (
    <EnvironmentStatusTable
      projectId={project.id}
      projectName={project.name}
      statuses={status.items}
      onChanged={reload}
    />
  );
}

/** One open project: its files' health, then each environment's live version, lock and last run. */
export function ProjectCard({ project }: { project: ProjectSummary }) {
  const select = useProjects((state) => state.select);
  const close = useProjects((state) => state.close);
  const closing = useProjects((state) => state.closingId === project.id);
  const closeError = useProjects((state) =>
    state.closeError?.projectId === project.id ? state.closeError.message : undefined,
  );
  return (
    <Panel
      className="project-card"
      title={project.name}
      description={
        <span className="project-path mono" title={project.path}>
          {project.path}
        </span>
      }
      actions={
        <Button
          size="sm"
          variant="ghost"
          icon={X}
          busy={closing}
          aria-label={`Close ${project.name}`}
          title="Close this project. Its files are not touched; open it again any time."
          onClick={() => void close(project.id)}
        >
          Close
        </Button>
      }
      body="flush"
    >
      <div className="project-meta">
        <a href={hrefFor('runbooks')} onClick={() => select(project.id)}>
          <BookOpen size={14} aria-hidden />
          {countLabel(project.runbookCount, 'runbook')}
        </a>
        <a href={hrefFor('environments')} onClick={() => select(project.id)}>
          <Server size={14} aria-hidden />
          {countLabel(project.environmentCount, 'environment')}
        </a>
        <ProblemsBadge count={project.problems.length} />
      </div>
      <DemoProjectBar project={project} />
      {project.problems.length > 0 || closeError ? (
        <div className="project-problems">
          <ProblemList problems={project.problems} label={`Problems in ${project.name}`} limit={3} />
          {closeError ? (
            <Banner tone="danger" role="alert">
              {closeError}
            </Banner>
          ) : null}
        </div>
      ) : null}
      <ProjectEnvironments project={project} />
    </Panel>
  );
}
