import { useHashRoute } from '../../app/navigation';
import { ProjectScreen } from '../projects/project-screen';
import { useEnvironmentFile } from './environment-file-store';
import './environments.css';
import { EnvironmentTabs } from './environment-tabs';
import { EnvironmentsEditor } from './environments-editor';
import { EnvironmentsOverview } from './environments-overview';
import { environmentsStore } from './environments-store';

// `#/environments` (the first environment), `#/environments/<name>`, and `#/environments/edit`
// for the file itself. The summaries list every environment even when the file is invalid; the
// file read gives the validated settings and the text to edit.

const load = async (projectId: string) => {
  await Promise.all([environmentsStore.getState().load(projectId), useEnvironmentFile.getState().load(projectId)]);
};

export function EnvironmentsScreen() {
  const route = useHashRoute();
  const editing = route.params[0] === 'edit';
  return (
    <ProjectScreen
      title="Environments"
      description="Where a project deploys to: hosts and their keys, Docker, the app, the proxy, and which are protected."
      load={load}
    >
      {(project) => (
        <>
          <EnvironmentTabs editing={editing} />
          {editing ? (
            <EnvironmentsEditor key={project.id} project={project} />
          ) : (
            <EnvironmentsOverview project={project} selected={route.params[0]} />
          )}
        </>
      )}
    </ProjectScreen>
  );
}
