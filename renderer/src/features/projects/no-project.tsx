import { hrefFor } from '../../app/routes';
import { LinkButton } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { FolderOpen } from '../../ui/icons';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { useProjects } from './projects-store';

/**
 * What a project-scoped screen shows before any project is open: where to go to open one.
 * While the list is still loading it says so, instead of flashing "no project".
 */
export function NoProject({ what }: { what: string }) {
  const loading = useProjects((state) => state.phase === 'loading');
  return (
    <Panel>
      {loading ? (
        <Loading label="Loading projects…" />
      ) : (
        <EmptyState
          icon={FolderOpen}
          title="Open a project first"
          action={
            <LinkButton variant="primary" href={hrefFor('dashboard')}>
              Go to Dashboard
            </LinkButton>
          }
        >
          {what} come from a project's <code>.release-pilot/</code> folder. Open the project on the Dashboard by
          entering its folder, and they are listed here.
        </EmptyState>
      )}
    </Panel>
  );
}
