import { useEffect } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../ui/button';
import { RefreshCw } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { Panel } from '../../ui/panel';
import { useProjects } from '../projects/projects-store';
import { AppInfoPanel } from './app-info-panel';
import { DashboardEmpty } from './dashboard-empty';
import { OpenProjectPanel } from './open-project-panel';
import { ProjectCard } from './project-card';
import { statusStore, subscribeToStatusChanges } from './status-store';
import './dashboard.css';

const projectIds = () => useProjects.getState().projects.map((p) => p.id);
const loadAll = () => {
  for (const id of projectIds()) void statusStore.getState().load(id);
};

function Projects() {
  const phase = useProjects((state) => state.phase);
  const error = useProjects((state) => state.error);
  const projects = useProjects((state) => state.projects);
  const load = useProjects((state) => state.load);
  if (phase === 'loading' && projects.length === 0) {
    return (
      <Panel>
        <Loading label="Loading projects…" />
      </Panel>
    );
  }
  if (phase === 'failed') {
    return (
      <LoadFailed title="Could not list the open projects" onRetry={() => void load()}>
        {error}
      </LoadFailed>
    );
  }
  if (projects.length === 0) return <DashboardEmpty />;
  return (
    <div className="project-cards">
      {projects.map((project) => (
        <ProjectCard key={project.id} project={project} />
      ))}
    </div>
  );
}

export function DashboardScreen() {
  const projects = useProjects((state) => state.projects);
  const busy = useStore(statusStore, (state) => Object.values(state.byProject).some((s) => s.phase === 'loading'));
  // Each project's status on arrival and whenever the set of projects (or their files) changes.
  useEffect(() => {
    for (const project of projects) void statusStore.getState().load(project.id);
  }, [projects]);
  useEffect(() => subscribeToStatusChanges(projectIds), []);

  return (
    <div className="screen">
      <PageHeader
        title="Dashboard"
        description="Your projects' environments: what is live, who holds the deploy lock, and how the last run went."
        actions={
          projects.length > 0 ? (
            <Button icon={RefreshCw} busy={busy} onClick={loadAll}>
              Refresh
            </Button>
          ) : null
        }
      />
      <Projects />
      <div className="dashboard-footer">
        {projects.length > 0 ? <OpenProjectPanel /> : null}
        <AppInfoPanel />
      </div>
    </div>
  );
}
