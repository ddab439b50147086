import type { ProjectSummary } from '../../../../shared/api/schemas/project';
import { hrefFor } from '../../app/routes';
import { LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { Server } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { ProblemList } from '../../ui/problem-list';
import { EnvironmentDetail } from './environment-detail';
import { useEnvironmentFile } from './environment-file-store';
import { Pencil } from './environment-icons';
import { EnvironmentNav } from './environment-nav';
import { environmentsStore, useEnvironments } from './environments-store';

/** The environments of one project: a list on the left, the selected one's settings on the right. */
export function EnvironmentsOverview({ project, selected }: { project: ProjectSummary; selected?: string }) {
  const summaries = useEnvironments(project.id);
  const file = useEnvironmentFile((state) => state.byProject[project.id]);
  const reload = () => {
    void environmentsStore.getState().load(project.id);
    void useEnvironmentFile.getState().load(project.id);
  };

  if (!summaries || (summaries.phase === 'loading' && summaries.items.length === 0)) {
    return (
      <Panel>
        <Loading label={`Reading the environments of ${project.name}…`} />
      </Panel>
    );
  }
  if (summaries.phase === 'failed') {
    return (
      <LoadFailed title={`Could not read the environments of ${project.name}`} onRetry={reload}>
        {summaries.error}
      </LoadFailed>
    );
  }
  if (summaries.items.length === 0) {
    return (
      <Panel>
        <EmptyState
          icon={Server}
          title={`${project.name} has no environments yet`}
          action={
            <LinkButton variant="primary" icon={Pencil} href={hrefFor('environments', 'edit')}>
              Write environments.yml
            </LinkButton>
          }
        >
          Describe where it deploys in <code>.release-pilot/environments.yml</code>, under <code>environments:</code>,
          one entry per environment with its <code>hosts:</code>.
        </EmptyState>
      </Panel>
    );
  }

  const current = summaries.items.find((env) => env.name === selected) ?? summaries.items[0]!;
  const parsed = file?.file?.environments?.find((env) => env.name === current.name);
  return (
    <div className="env-layout">
      <EnvironmentNav environments={summaries.items} selected={current.name} />
      <div className="env-main">
        {parsed ? (
          <EnvironmentDetail projectId={project.id} environment={parsed} problems={current.problems} />
        ) : file?.phase === 'loading' || !file ? (
          <Panel>
            <Loading label={`Reading ${current.name}…`} />
          </Panel>
        ) : (
          <Panel
            title={
              <>
                <span className="visually-hidden">Environment </span>
                {current.name}
              </>
            }
            description={
              file.phase === 'failed'
                ? file.error
                : `${current.file} has errors, so this environment's settings cannot be shown or tested until they are fixed.`
            }
            actions={
              <LinkButton variant="primary" size="sm" icon={Pencil} href={hrefFor('environments', 'edit')}>
                Fix in the editor
              </LinkButton>
            }
          >
            <ProblemList
              problems={current.problems.length ? current.problems : (file.file?.problems ?? [])}
              label={`Problems in ${current.name}`}
            />
          </Panel>
        )}
      </div>
    </div>
  );
}
