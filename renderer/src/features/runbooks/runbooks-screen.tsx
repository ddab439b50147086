import { useHashRoute } from '../../app/navigation';
import { PageHeader } from '../../ui/page-header';
import { ProjectScreen } from '../projects/project-screen';
import { ReviewPage } from '../review/review-page';
import { reviewTargetOf } from '../review/review-route';
import { RunbookList } from './runbook-list';
import { runbooksStore } from './runbooks-store';

const load = (projectId: string) => runbooksStore.getState().load(projectId);

export function RunbooksScreen() {
  const review = reviewTargetOf(useHashRoute().params);
  if (review) {
    return (
      <div className="screen">
        <PageHeader
          title="Checklist review"
          description="A runbook's checklists, offline: pre-tick what is ready now, export the list, and the next run starts with it."
        />
        <ReviewPage key={`${review.projectId}/${review.runbookId}`} target={review} />
      </div>
    );
  }
  return (
    <ProjectScreen
      title="Runbooks"
      description="The step-by-step deployment plans of a project: checklists, sign-offs, actions and rollback."
      load={load}
    >
      {(project) => <RunbookList project={project} />}
    </ProjectScreen>
  );
}
