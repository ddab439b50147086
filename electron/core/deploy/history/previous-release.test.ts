import { describe, expect, it } from 'vitest';
import type { ReleaseEntry } from '../deploy-strategy';
import { liveRelease, previousRelease, ReleaseChoiceError } from './previous-release';
import { formatReleaseLine, parseReleaseLines } from './release-lines';

const entry = (version: string, runId: string, status: ReleaseEntry['status'] = 'live'): ReleaseEntry => ({
  version,
  at: `2025-01-0${runId.slice(-1)}T10:00:00.000Z`,
  runId,
  status,
});

describe('release lines', () => {
  it('reads complete lines, keeps a whole last line without its newline, and flags a torn one', () => {
    const lines = [entry('v1', 'r1'), entry('v2', 'r2')].map(formatReleaseLine).join('');
    expect(parseReleaseLines(lines)).toEqual({
      entries: [entry('v1', 'r1'), entry('v2', 'r2')],
      malformed: [],
      torn: false,
    });
    expect(parseReleaseLines(lines.slice(0, -1)).entries).toHaveLength(2);
    const torn = parseReleaseLines(`${lines}{"version":"v3","at":"2025`);
    expect(torn).toMatchObject({ malformed: [], torn: true });
    expect(torn.entries).toHaveLength(2);
  });

  it('skips malformed lines by number, whether not JSON or not an entry', () => {
    const text = `${formatReleaseLine(entry('v1', 'r1'))}garbage\n{"version":"v2"}\n\n${formatReleaseLine(entry('v3', 'r3'))}`;
    expect(parseReleaseLines(text)).toEqual({
      entries: [entry('v1', 'r1'), entry('v3', 'r3')],
      malformed: [2, 3],
      torn: false,
    });
  });

  it('refuses to write an entry that would not read back, naming the field', () => {
    expect(() => formatReleaseLine({ ...entry('', 'r1') })).toThrow('release entry field "version"');
  });
});

describe('live and previous release', () => {
  // Newest first, as ReleaseHistory.list returns it.
  const history = [entry('v3', 'r3'), entry('v2', 'r2'), entry('v1', 'r1')];

  it('live is the newest live entry; previous is the live one before the current', () => {
    expect(liveRelease(history)?.version).toBe('v3');
    expect(previousRelease(history, 'v3')?.version).toBe('v2');
    expect(previousRelease(history, 'v2')?.version).toBe('v1');
    expect(previousRelease(history, 'v1')).toBeUndefined();
    expect(previousRelease([], 'v1')).toBeUndefined();
  });

  it('a release rolled back later is neither live nor a rollback target', () => {
    const undone = [entry('v3', 'r3', 'rolled-back'), ...history];
    expect(liveRelease(undone)?.version).toBe('v2');
    expect(previousRelease(undone, 'v2')?.version).toBe('v1');
    // v4 failed and was undone; going back from v4 skips it and the undone v3.
    const again = [entry('v4', 'r4'), ...undone];
    expect(previousRelease(again, 'v4')?.version).toBe('v2');
  });

  it('the same version redeployed by a later run counts once, from its newest entry', () => {
    const redeployed = [entry('v2', 'r4'), entry('v3', 'r3'), entry('v2', 'r2'), entry('v1', 'r1')];
    expect(previousRelease(redeployed, 'v2')?.version).toBe('v3');
  });

  it('a chosen older release is returned; an unknown one is a clear error listing the known ones', () => {
    expect(previousRelease(history, 'v3', { chosen: 'v1' })).toEqual(entry('v1', 'r1'));
    let error: unknown;
    try {
      previousRelease(history, 'v3', { chosen: 'v0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReleaseChoiceError);
    expect((error as ReleaseChoiceError).code).toBe('release-not-found');
    expect((error as Error).message).toBe('release v0 is not in the release history (known: v3, v2, v1)');
  });
});
