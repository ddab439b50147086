import { useId } from 'react';
import { Select } from '../../ui/input';
import { useProjects, useSelectedProject } from './projects-store';
import './project-select.css';

/** Which open project the runbooks and environments screens show; shared, so both agree. */
export function ProjectSelect() {
  const id = useId();
  const projects = useProjects((state) => state.projects);
  const select = useProjects((state) => state.select);
  const selected = useSelectedProject();
  if (projects.length === 0) return null;
  return (
    <div className="project-select">
      <label htmlFor={id}>Project</label>
      <Select id={id} value={selected?.id ?? ''} onChange={(event) => select(event.target.value)}>
        {projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
