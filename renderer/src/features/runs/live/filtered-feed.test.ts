import { describe, expect, it } from 'vitest';
import type { LogBatch } from '../../../ui/log-view/log-line';
import { createLogStore } from '../../logs/log-store';
import { filteredFeed, isSourceOf } from './filtered-feed';

describe('filteredFeed', () => {
  it('matches an action and its hosts, not an action whose key merely starts the same', () => {
    expect(isSourceOf('deploy.ship', 'deploy.ship')).toBe(true);
    expect(isSourceOf('deploy.ship', 'deploy.ship@web-1')).toBe(true);
    expect(isSourceOf('deploy.ship', 'deploy.shipit')).toBe(false);
    expect(isSourceOf('deploy.ship', 'deploy.smoke')).toBe(false);
  });

  it("passes on only one action's lines and batches, and stays silent for the others", () => {
    const store = createLogStore({ schedule: () => () => {} });
    const feed = filteredFeed(store.feed, (source) => isSourceOf('build.emit', source));
    const batches: LogBatch[] = [];
    feed.subscribe((batch) => batches.push(batch));

    store.push('build.emit', 'stdout', 'one');
    store.push('build.check', 'stdout', 'other');
    store.flush();
    store.push('build.check', 'stdout', 'other again');
    store.flush();
    store.push('build.emit@web-1', 'stderr', 'two');
    store.flush();

    expect(batches.map((b) => b.added.map((l) => l.text))).toEqual([['one'], ['two']]);
    expect(feed.lines().map((l) => l.text)).toEqual(['one', 'two']);
    expect(feed.version()).toBe(store.feed.version());

    store.clear();
    expect(batches.at(-1)).toEqual({ added: [], evicted: [], reset: true });
    expect(feed.lines()).toEqual([]);
  });
});
