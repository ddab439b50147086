import { useEffect } from 'react';
import { Button } from '../../ui/button';
import { RefreshCw } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { NoProject } from '../projects/no-project';
import { ProjectSelect } from '../projects/project-select';
import { useSelectedProject } from '../projects/projects-store';
import { RunbookList } from './runbook-list';
import { runbooksStore } from './runbooks-store';

export function RunbooksScreen() {
  const project = useSelectedProject();
  // Reload when the project changes or its summary does (the host pushes file changes).
  useEffect(() => {
    if (project) void runbooksStore.getState().load(project.id);
  }, [project]);

  return (
    <div className="screen">
      <PageHeader
        title="Runbooks"
        description="The step-by-step deployment plans of a project: checklists, sign-offs, actions and rollback."
        actions={
          project ? (
            <>
              <ProjectSelect />
              <Button icon={RefreshCw} onClick={() => void runbooksStore.getState().load(project.id)}>
                Refresh
              </Button>
            </>
          ) : null
        }
      />
      {project ? <RunbookList project={project} /> : <NoProject what="Runbooks" />}
    </div>
  );
}
