import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../core/test-support/temp-dir';
import { buildProgram } from './main';

// Issue #19 item 7: `release-pilot runs | head` ends quietly (no EPIPE stack trace), and every verb
// takes --data-dir, so a script can pass the same options to all of them.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'release-pilot.mjs');

describe('the CLI in scripts and pipes', () => {
  const tempDir = useTempDirs('rp-cli-pipe-');

  it('`runs | head -1` prints one line and ends quietly, exit 0', () => {
    const dataDir = tempDir();
    // Far more listing than a pipe buffers (64 KB), so the CLI is still writing when head has left.
    for (let i = 0; i < 1200; i++) {
      const dir = join(dataDir, 'runs', `20261101-${String(i).padStart(4, '0')}-staging`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'journal.ndjson'), '{}\n');
    }
    const piped = spawnSync(
      'bash',
      ['-c', 'set -o pipefail; "$0" "$1" runs --data-dir "$2" | head -1', process.execPath, bin, dataDir],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(piped.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(piped.stdout).toMatch(/^20261101-\d{4}-staging\tunreadable/);
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
  });

  it('every verb takes --data-dir', () => {
    const without = buildProgram()
      .commands.filter((command) => !command.options.some((option) => option.long === '--data-dir'))
      .map((command) => command.name());
    expect(without).toEqual([]);
  });
});
