import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { NoProject } from '../projects/no-project';
import { ProjectSelect } from '../projects/project-select';
import { useSelectedProject } from '../projects/projects-store';

// The plan page (the workflow's step 2): the deployment plan for review before a run, and the
// messages each notification channel would send. The workspace is its own chunk (markdown-it).
const PlanWorkspace = lazy(() => import('./plan-workspace').then((m) => ({ default: m.PlanWorkspace })));

export function PlansScreen() {
  const project = useSelectedProject();
  return (
    <div className="screen">
      <PageHeader
        title="Plan"
        description="The deployment plan for review before a run: strategy, window, each step per host, stakeholders, rollback and monitoring, and who is told what."
        actions={project ? <ProjectSelect /> : null}
      />
      {project ? (
        <Suspense
          fallback={
            <Panel>
              <Loading label="Loading the plan page…" />
            </Panel>
          }
        >
          <PlanWorkspace key={project.id} project={project} />
        </Suspense>
      ) : (
        <NoProject what="Plans" />
      )}
    </div>
  );
}
