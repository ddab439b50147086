import type { LogFeed, LogSourceInfo } from '../../../ui/log-view/log-line';

// One action's output out of the run's whole feed: the run view embeds a LogView per action, each
// reading the same store (so nothing is fetched twice) through a view of only its own sources.

/** The sources of one action: `<step>.<action>`, or `<step>.<action>@<host>` for remote output. */
export function isSourceOf(actionKey: string, source: string): boolean {
  return source === actionKey || source.startsWith(`${actionKey}@`);
}

export function filteredFeed(feed: LogFeed, accept: (source: string) => boolean): LogFeed {
  return {
    lines: () => feed.lines().filter((line) => accept(line.source)),
    isRetained: (line) => feed.isRetained(line),
    version: () => feed.version(),
    subscribe(listener) {
      return feed.subscribe((batch) => {
        const added = batch.added.filter((line) => accept(line.source));
        const evicted = batch.evicted.filter((line) => accept(line.source));
        // A batch of other actions' lines changes nothing here: no re-render for it.
        if (batch.reset || added.length > 0 || evicted.length > 0) listener({ added, evicted, reset: batch.reset });
      });
    },
  };
}

export function sourcesOf(sources: readonly LogSourceInfo[], accept: (source: string) => boolean): LogSourceInfo[] {
  return sources.filter((source) => accept(source.name));
}
