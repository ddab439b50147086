import { countLabel } from '../../lib/format-problem';
import { Panel } from '../../ui/panel';
import { StatusBadge } from '../../ui/status-badge';
import { useProjects } from '../projects/projects-store';
import { OpenProjectForm } from './open-project-form';
import { ProjectList } from './project-list';

export function ProjectsPanel() {
  const count = useProjects((state) => state.projects.length);
  return (
    <Panel
      title={
        <>
          Projects
          {count > 0 ? <StatusBadge>{countLabel(count, 'open', 'open')}</StatusBadge> : null}
        </>
      }
      description="Each project is a repository with a .release-pilot/ folder holding its runbooks and environments."
      body="flush"
    >
      <OpenProjectForm />
      <ProjectList />
    </Panel>
  );
}
