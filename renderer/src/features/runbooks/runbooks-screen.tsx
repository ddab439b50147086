import { ProjectScreen } from '../projects/project-screen';
import { RunbookList } from './runbook-list';
import { runbooksStore } from './runbooks-store';

const load = (projectId: string) => runbooksStore.getState().load(projectId);

export function RunbooksScreen() {
  return (
    <ProjectScreen
      title="Runbooks"
      description="The step-by-step deployment plans of a project: checklists, sign-offs, actions and rollback."
      load={load}
    >
      {(project) => <RunbookList project={project} />}
    </ProjectScreen>
  );
}
