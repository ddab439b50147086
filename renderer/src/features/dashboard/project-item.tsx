import type { ProjectSummary } from '../../../../shared/api/schemas/project';
import { hrefFor } from '../../app/routes';
import { countLabel } from '../../lib/format-problem';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { BookOpen, CircleAlert, CircleCheck, FolderGit, Server, X } from '../../ui/icons';
import { ProblemList } from '../../ui/problem-list';
import { StatusBadge } from '../../ui/status-badge';
import { useProjects } from '../projects/projects-store';

function ProblemsBadge({ count }: { count: number }) {
  return count === 0 ? (
    <StatusBadge tone="success" icon={<CircleCheck aria-hidden />}>
      No problems
    </StatusBadge>
  ) : (
    <StatusBadge tone="danger" icon={<CircleAlert aria-hidden />}>
      {countLabel(count, 'problem')}
    </StatusBadge>
  );
}

/** One open project: what it holds, what is wrong with its files, and a way to close it. */
export function ProjectItem({ project }: { project: ProjectSummary }) {
  const select = useProjects((state) => state.select);
  const close = useProjects((state) => state.close);
  const closing = useProjects((state) => state.closingId === project.id);
  const closeError = useProjects((state) =>
    state.closeError?.projectId === project.id ? state.closeError.message : undefined,
  );

  return (
    <li className="project">
      <div className="project-icon">
        <FolderGit size={16} aria-hidden />
      </div>
      <div className="project-main">
        <div>
          <h3 className="project-name">{project.name}</h3>
          <p className="project-path mono" title={project.path}>
            {project.path}
          </p>
        </div>
        <div className="project-meta">
          <a href={hrefFor('runbooks')} onClick={() => select(project.id)}>
            <BookOpen size={14} aria-hidden />
            {countLabel(project.runbookCount, 'runbook')}
          </a>
          <a href={hrefFor('environments')} onClick={() => select(project.id)}>
            <Server size={14} aria-hidden />
            {countLabel(project.environmentCount, 'environment')}
          </a>
          <ProblemsBadge count={project.problems.length} />
        </div>
        <ProblemList problems={project.problems} label={`Problems in ${project.name}`} limit={4} />
        {closeError ? (
          <Banner tone="danger" role="alert">
            {closeError}
          </Banner>
        ) : null}
      </div>
      <div className="project-actions">
        <Button
          size="sm"
          variant="ghost"
          icon={X}
          busy={closing}
          aria-label={`Close ${project.name}`}
          title="Close this project. Its files are not touched; open it again any time."
          onClick={() => void close(project.id)}
        >
          Close
        </Button>
      </div>
    </li>
  );
}
