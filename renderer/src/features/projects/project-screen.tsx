import { type ReactNode, useEffect } from 'react';
import type { ProjectSummary } from '../../../../shared/api/schemas/project';
import { Button } from '../../ui/button';
import { RefreshCw } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { NoProject } from './no-project';
import { ProjectSelect } from './project-select';
import { useSelectedProject } from './projects-store';

interface ProjectScreenProps {
  title: string;
  description: string;
  /** Loads this screen's resource for a project; called on open, on project change and on Refresh. */
  load: (projectId: string) => Promise<void>;
  children: (project: ProjectSummary) => ReactNode;
}

/** The frame of a screen that shows one part of the selected project (its runbooks, its environments…). */
export function ProjectScreen({ title, description, load, children }: ProjectScreenProps) {
  const project = useSelectedProject();
  // Reload when the project changes or its summary does (the host pushes file changes).
  useEffect(() => {
    if (project) void load(project.id);
  }, [project, load]);

  return (
    <div className="screen">
      <PageHeader
        title={title}
        description={description}
        actions={
          project ? (
            <>
              <ProjectSelect />
              <Button icon={RefreshCw} onClick={() => void load(project.id)}>
                Refresh
              </Button>
            </>
          ) : null
        }
      />
      {project ? children(project) : <NoProject what={title} />}
    </div>
  );
}
