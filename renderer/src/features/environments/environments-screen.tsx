import { useEffect } from 'react';
import { Button } from '../../ui/button';
import { RefreshCw } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { NoProject } from '../projects/no-project';
import { ProjectSelect } from '../projects/project-select';
import { useSelectedProject } from '../projects/projects-store';
import { EnvironmentList } from './environment-list';
import { environmentsStore } from './environments-store';

export function EnvironmentsScreen() {
  const project = useSelectedProject();
  // Reload when the project changes or its summary does (the host pushes file changes).
  useEffect(() => {
    if (project) void environmentsStore.getState().load(project.id);
  }, [project]);

  return (
    <div className="screen">
      <PageHeader
        title="Environments"
        description="Where a project deploys to: hosts, how Docker is reached, health checks, and which are protected."
        actions={
          project ? (
            <>
              <ProjectSelect />
              <Button icon={RefreshCw} onClick={() => void environmentsStore.getState().load(project.id)}>
                Refresh
              </Button>
            </>
          ) : null
        }
      />
      {project ? <EnvironmentList project={project} /> : <NoProject what="Environments" />}
    </div>
  );
}
