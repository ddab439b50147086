import { EmptyState } from '../../ui/empty-state';
import { FolderOpen } from '../../ui/icons';
import { Panel } from '../../ui/panel';
import { DemoOfferSlot } from './demo-offer-slot';
import { OpenProjectForm } from './open-project-form';

/** The first thing a new user sees: what a project is, and the one field that opens one. */
export function DashboardEmpty() {
  return (
    <Panel className="dashboard-empty" body="flush">
      <EmptyState icon={FolderOpen} title="Open a project to start">
        <p>
          A project is a git repository with a <code>.release-pilot/</code> folder holding its runbooks and{' '}
          <code>environments.yml</code>. Enter its folder below: each environment then shows the version live on it, who
          holds its deploy lock, and how the last run ended.
        </p>
      </EmptyState>
      <OpenProjectForm />
      <DemoOfferSlot />
    </Panel>
  );
}
