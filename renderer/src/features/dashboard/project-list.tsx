import { EmptyState } from '../../ui/empty-state';
import { FolderOpen } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { useProjects } from '../projects/projects-store';
import { ProjectItem } from './project-item';

export function ProjectList() {
  const phase = useProjects((state) => state.phase);
  const error = useProjects((state) => state.error);
  const projects = useProjects((state) => state.projects);
  const load = useProjects((state) => state.load);

  if (phase === 'loading') return <Loading label="Loading projects…" />;
  if (phase === 'failed') {
    return (
      <div className="open-project">
        <LoadFailed title="Could not list the open projects" onRetry={() => void load()}>
          {error}
        </LoadFailed>
      </div>
    );
  }
  if (projects.length === 0) {
    return (
      <EmptyState icon={FolderOpen} title="No project open yet" size="compact">
        Enter the path of a repository that has a <code>.release-pilot/</code> folder above and choose Open project. Its
        runbooks and environments then appear here and on their screens.
      </EmptyState>
    );
  }
  return (
    <ul className="project-list" aria-label="Open projects">
      {projects.map((project) => (
        <ProjectItem key={project.id} project={project} />
      ))}
    </ul>
  );
}
