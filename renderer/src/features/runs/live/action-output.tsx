import { useMemo } from 'react';
import { LogView } from '../../../ui/log-view/log-view';
import { liveLogs, useLiveLogs } from '../../logs/live-logs';
import { filteredFeed, isSourceOf, sourcesOf } from './filtered-feed';

// One action's live output: the run's log store (features/logs, which the run view follows)
// seen through a filter on the action's sources, `<step>.<action>` and `<step>.<action>@<host>`.

export function ActionOutput({
  runId,
  actionKey,
  title,
  still,
}: {
  runId: string;
  actionKey: string;
  title: string;
  /** Why no new lines will come (see LogView). */
  still?: string;
}) {
  const accept = useMemo(() => (source: string) => isSourceOf(actionKey, source), [actionKey]);
  const feed = useMemo(() => filteredFeed(liveLogs.feed, accept), [accept]);
  const allSources = useLiveLogs((state) => state.sources);
  const sources = useMemo(() => sourcesOf(allSources, accept), [allSources, accept]);
  return (
    <div className="action-output">
      <LogView
        feed={feed}
        sources={sources}
        fileName={`${runId}-${actionKey}`}
        label={`Output of ${title}`}
        waiting="No output yet."
        still={still}
      />
    </div>
  );
}
