import type { ProjectSummary, RunbookSummary } from '../../../../shared/api/schemas/project';
import { countLabel } from '../../lib/format-problem';
import type { Column } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { BookOpen } from '../../ui/icons';
import { ProblemList } from '../../ui/problem-list';
import { ProblemsCell } from '../projects/problems-cell';
import { ProjectResourceView } from '../projects/project-resource-view';
import { reviewHref } from '../review/review-route';
import { runbooksStore, useRunbooks } from './runbooks-store';

const columns: Column<RunbookSummary>[] = [
  {
    key: 'title',
    header: 'Runbook',
    cell: (runbook) => (
      <>
        <span className="cell-primary">{runbook.title}</span>
        <span className="cell-secondary mono">{runbook.id}</span>
      </>
    ),
  },
  { key: 'file', header: 'File', cell: (runbook) => runbook.file, mono: true, width: '38%' },
  { key: 'steps', header: 'Steps', cell: (runbook) => runbook.stepCount, align: 'end', width: '80px' },
  { key: 'status', header: 'Status', cell: (runbook) => <ProblemsCell problems={runbook.problems} />, width: '140px' },
];

/** Each runbook's offline checklist review (it reads the files only, so it works with no host reachable). */
const reviewColumn = (projectId: string): Column<RunbookSummary> => ({
  key: 'review',
  header: 'Checklists',
  width: '150px',
  cell: (runbook) => (
    <a href={reviewHref({ projectId, runbookId: runbook.id })} aria-label={`Review checklists of ${runbook.title}`}>
      Review checklists
    </a>
  ),
});

export function RunbookList({ project }: { project: ProjectSummary }) {
  const resource = useRunbooks(project.id);
  return (
    <ProjectResourceView
      resource={resource}
      onRetry={() => void runbooksStore.getState().load(project.id)}
      labels={{
        loading: `Reading the runbooks of ${project.name}…`,
        failed: `Could not read the runbooks of ${project.name}`,
        count: (count) => countLabel(count, 'runbook'),
        table: `Runbooks of ${project.name}`,
      }}
      columns={[...columns, reviewColumn(project.id)]}
      rowKey={(runbook) => runbook.file}
      detail={(runbook) =>
        runbook.problems.length ? (
          <ProblemList problems={runbook.problems} label={`Problems in ${runbook.file}`} />
        ) : null
      }
      summary={(items) => {
        const broken = items.filter((runbook) => runbook.problems.length > 0).length;
        return broken ? `${broken} with problems: fix them before starting a run from them.` : 'All valid.';
      }}
      empty={
        <EmptyState icon={BookOpen} title={`${project.name} has no runbooks yet`}>
          Add a YAML file to <code>.release-pilot/runbooks/</code> (or a single <code>.release-pilot/runbook.yml</code>)
          with a <code>title:</code> and a <code>steps:</code> list, then choose Refresh.
        </EmptyState>
      }
    />
  );
}
