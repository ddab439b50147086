import type { ProjectSummary, RunbookSummary } from '../../../../shared/api/schemas/project';
import { countLabel } from '../../lib/format-problem';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { type Column, DataTable } from '../../ui/data-table';
import { EmptyState } from '../../ui/empty-state';
import { BookOpen } from '../../ui/icons';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { ProblemList } from '../../ui/problem-list';
import { ProblemsCell } from '../projects/problems-cell';
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

export function RunbookList({ project }: { project: ProjectSummary }) {
  const resource = useRunbooks(project.id);
  const retry = () => void runbooksStore.getState().load(project.id);

  if (!resource || (resource.phase === 'loading' && resource.items.length === 0)) {
    return (
      <Panel>
        <Loading label={`Reading the runbooks of ${project.name}…`} />
      </Panel>
    );
  }
  if (resource.phase === 'failed') {
    return (
      <Banner
        tone="danger"
        title={`Could not read the runbooks of ${project.name}`}
        actions={
          <Button size="sm" onClick={retry}>
            Retry
          </Button>
        }
      >
        {resource.error}
      </Banner>
    );
  }
  if (resource.items.length === 0) {
    return (
      <Panel>
        <EmptyState icon={BookOpen} title={`${project.name} has no runbooks yet`}>
          Add a YAML file to <code>.release-pilot/runbooks/</code> (or a single <code>.release-pilot/runbook.yml</code>)
          with a <code>title:</code> and a <code>steps:</code> list, then choose Refresh.
        </EmptyState>
      </Panel>
    );
  }
  const broken = resource.items.filter((runbook) => runbook.problems.length > 0).length;
  return (
    <Panel
      body="flush"
      title={countLabel(resource.items.length, 'runbook')}
      description={broken ? `${broken} with problems: fix them before starting a run from them.` : 'All valid.'}
    >
      <DataTable
        label={`Runbooks of ${project.name}`}
        columns={columns}
        rows={resource.items}
        rowKey={(runbook) => runbook.file}
        detail={(runbook) =>
          runbook.problems.length ? (
            <ProblemList problems={runbook.problems} label={`Problems in ${runbook.file}`} />
          ) : null
        }
      />
    </Panel>
  );
}
