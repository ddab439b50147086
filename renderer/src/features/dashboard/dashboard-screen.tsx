import { PageHeader } from '../../ui/page-header';
import { AppInfoPanel } from './app-info-panel';
import { ProjectsPanel } from './projects-panel';
import './dashboard.css';

export function DashboardScreen() {
  return (
    <div className="screen">
      <PageHeader
        title="Dashboard"
        description="The projects you release from, and the Release Pilot installation they run on."
      />
      <div className="dashboard-grid">
        <ProjectsPanel />
        <AppInfoPanel />
      </div>
    </div>
  );
}
