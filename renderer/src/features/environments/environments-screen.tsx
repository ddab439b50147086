import { ProjectScreen } from '../projects/project-screen';
import { EnvironmentList } from './environment-list';
import { environmentsStore } from './environments-store';

const load = (projectId: string) => environmentsStore.getState().load(projectId);

export function EnvironmentsScreen() {
  return (
    <ProjectScreen
      title="Environments"
      description="Where a project deploys to: hosts, how Docker is reached, health checks, and which are protected."
      load={load}
    >
      {(project) => <EnvironmentList project={project} />}
    </ProjectScreen>
  );
}
