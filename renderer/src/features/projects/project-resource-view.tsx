import type { ReactNode } from 'react';
import type { ProjectResource } from '../../lib/project-resource-store';
import { type Column, DataTable } from '../../ui/data-table';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';

export interface ProjectResourceLabels {
  /** Shown while the first load runs. */
  loading: string;
  /** Title of the failure banner. */
  failed: string;
  /** The panel title once loaded, from the number of items. */
  count: (count: number) => string;
  /** Names the table for screen readers. */
  table: string;
}

export interface ProjectResourceViewProps<T> {
  /** Undefined until the first load for this project starts. */
  resource: ProjectResource<T> | undefined;
  onRetry: () => void;
  labels: ProjectResourceLabels;
  /** What the panel shows when the project has none (says where to add them). */
  empty: ReactNode;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Under a row, e.g. the problems of that file. */
  detail?: (row: T) => ReactNode;
  /** The panel's description once loaded, from the items. */
  summary?: (items: readonly T[]) => ReactNode;
}

/**
 * The runbooks and environments screens list "things of one project" the same way (see
 * project-resource-store): loading, failed with Retry, empty with a hint, or a table in a panel.
 */
export function ProjectResourceView<T>({
  resource,
  onRetry,
  labels,
  empty,
  columns,
  rowKey,
  detail,
  summary,
}: ProjectResourceViewProps<T>) {
  // A reload keeps the old items, so only a first load (nothing to show yet) says "loading".
  if (!resource || (resource.phase === 'loading' && resource.items.length === 0)) {
    return (
      <Panel>
        <Loading label={labels.loading} />
      </Panel>
    );
  }
  if (resource.phase === 'failed') {
    return (
      <LoadFailed title={labels.failed} onRetry={onRetry}>
        {resource.error}
      </LoadFailed>
    );
  }
  if (resource.items.length === 0) return <Panel>{empty}</Panel>;
  return (
    <Panel body="flush" title={labels.count(resource.items.length)} description={summary?.(resource.items)}>
      <DataTable label={labels.table} columns={columns} rows={resource.items} rowKey={rowKey} detail={detail} />
    </Panel>
  );
}
