import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logging/logger';
import type { ToolIO } from '../../run/run-tools';
import { createSshPool, type SshPool } from '../../ssh/ssh-pool';
import { freePort, type SshdLab, startSshdLab } from '../../test-lab/sshd-lab';
import { rejectionOf } from '../../test-support/rejection';
import { useTempDirs } from '../../test-support/temp-dir';
import type { ReleaseEntry, ReleaseHistory } from '../deploy-strategy';
import { labEnvironment } from '../test-support/rolling-lab';
import { HistoryError } from './history-store';
import { previousRelease } from './previous-release';
import { releaseHistoryFor, releaseHistoryPath } from './release-history';

// The release history file on this machine and on a real sshd host: append, read back, survive a
// torn or damaged line, and say which host it could not reach.

let lab: SshdLab;
let pool: SshPool;
beforeAll(async () => {
  lab = await startSshdLab({ hosts: 1 });
  pool = createSshPool({ logger: silentLogger });
});
afterAll(async () => {
  await pool?.close();
  await lab?.stop();
});

function recordingIO(): ToolIO & { lines: string[] } {
  const lines: string[] = [];
  return { signal: new AbortController().signal, output: (_h, _s, line) => lines.push(line), lines };
}

// One project's view of the history; these tests write the file themselves, so no run owns an entry.
const scope = { project: 'shop', ownsRun: async () => false };

const entry = (version: string, runId: string, status: ReleaseEntry['status'] = 'live'): ReleaseEntry => ({
  version,
  at: new Date().toISOString(),
  runId,
  by: 'Ada Lovelace',
  strategy: 'rolling',
  status,
});

function sshEnvironment(historyFile: string, port?: number) {
  const { name, address, port: sshPort, user, identityFile, knownHosts } = lab.hosts[0]!;
  return labEnvironment({
    hosts: [{ name, address, port: port ?? sshPort, user, identityFile, knownHosts }],
    deploy: { historyFile },
  });
}

const connectTo = (environment: ReturnType<typeof sshEnvironment>) => (host: string) => {
  const h = environment.hosts.find((x) => x.name === host)!;
  return pool.connection({ ...h, address: h.address! });
};

async function appendListLive(history: ReleaseHistory, path: string, read: () => Promise<string>) {
  const io = recordingIO();
  expect(await history.list(io)).toEqual([]);
  expect(await history.live(io)).toBeUndefined();
  await history.append(entry('v1', 'r1'), io);
  await history.append(entry('v2', 'r2'), io);
  await history.append(entry('v3', 'r3'), io);
  await history.append(entry('v3', 'r3', 'rolled-back'), io);
  const list = await history.list(io);
  expect(list.map((e) => `${e.version}:${e.status}`)).toEqual(['v3:rolled-back', 'v3:live', 'v2:live', 'v1:live']);
  expect((await history.live(io))?.version).toBe('v2');
  expect(previousRelease(list, 'v2')?.version).toBe('v1');
  expect(previousRelease(list, 'v3', { chosen: 'v1' })?.runId).toBe('r1');
  expect((await read()).split('\n')).toHaveLength(5);
  expect(io.lines).toEqual([]);
  expect(history.where).toContain(path);
}

describe('release history on this machine', () => {
  const tempDir = useTempDirs('rp-history-');

  it('defaults to <dataDir>/targets/<project>/<env>/releases.ndjson without hosts; appends and reads back', async () => {
    const dataDir = tempDir();
    const environment = labEnvironment({});
    const path = releaseHistoryPath(environment, dataDir, 'shop');
    expect(path).toBe(join(dataDir, 'targets', 'shop', 'lab', 'releases.ndjson'));
    const history = releaseHistoryFor(environment, {
      dataDir,
      connection: () => Promise.reject(new Error('no')),
      scope,
    });
    await appendListLive(history, path, () => readFile(path, 'utf8'));
  });

  it('a torn last line is ignored and the next append starts on its own line; malformed lines are said once', async () => {
    const dataDir = tempDir();
    const environment = labEnvironment({});
    const path = releaseHistoryPath(environment, dataDir, 'shop');
    const history = releaseHistoryFor(environment, {
      dataDir,
      connection: () => Promise.reject(new Error('no')),
      scope,
    });
    const io = recordingIO();
    await history.append(entry('v1', 'r1'), io);
    await appendFile(path, 'not json\n{"version":"v2","at":"2025-01-01","runId":"r2","sta');

    expect((await history.list(io)).map((e) => e.version)).toEqual(['v1']);
    await history.append(entry('v3', 'r3'), io);
    expect((await history.list(io)).map((e) => e.version)).toEqual(['v3', 'v1']);
    expect((await history.live(io))?.version).toBe('v3');
    const text = await readFile(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').at(-2)).toContain('"version":"v3"');
    expect(io.lines).toEqual([
      `release history ${path}: skipped malformed line 2; ignored an incomplete last line (a write cut short)`,
      `release history ${path}: skipped malformed lines 2, 3`,
    ]);
  });

  it('two projects with one environment name keep two histories; an unscoped file is read for its own runs, then carried over', async () => {
    const dataDir = tempDir();
    const environment = labEnvironment({});
    const legacy = join(dataDir, 'targets', 'lab', 'releases.ndjson');
    // Written before histories were per project: run a1 was project shop's, run b1 another's.
    await mkdir(join(legacy, '..'), { recursive: true });
    await writeFile(legacy, [entry('v6', 'a1'), entry('v7', 'b1')].map((e) => `${JSON.stringify(e)}\n`).join(''));
    const connection = () => Promise.reject(new Error('no'));
    const shop = releaseHistoryFor(environment, {
      dataDir,
      connection,
      scope: { project: 'shop', ownsRun: async (runId) => runId === 'a1' },
    });
    const never = releaseHistoryFor(environment, {
      dataDir,
      connection,
      scope: { project: 'blog', ownsRun: async () => false },
    });
    const io = recordingIO();
    expect((await shop.live(io))?.version).toBe('v6');
    expect(await never.live(io)).toBeUndefined();
    const shopPath = join(dataDir, 'targets', 'shop', 'lab', 'releases.ndjson');
    expect(io.lines).toContain(
      `release history ${shopPath} does not exist yet: read 1 of 2 entries of ${legacy} (kept before histories were per project); 1 are not runs of this project on this machine, so they are left out`,
    );
    await shop.append(entry('v8', 'a2'), io);
    // Its own file now holds what it claimed and the new release; the old file is left as it was.
    expect(
      (await readFile(shopPath, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).runId),
    ).toEqual(['a1', 'a2']);
    expect((await readFile(legacy, 'utf8')).trim().split('\n')).toHaveLength(2);
    expect((await shop.list(io)).map((e) => e.version)).toEqual(['v8', 'v6']);
    expect(await never.live(io)).toBeUndefined();
  });

  it('an unreadable path is a clear error naming the file', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'file'), 'x');
    const environment = labEnvironment({ deploy: { historyFile: join(dir, 'file', 'releases.ndjson') } });
    const history = releaseHistoryFor(environment, {
      dataDir: dir,
      connection: () => Promise.reject(new Error('no')),
      scope,
    });
    const error = await rejectionOf(history.append(entry('v1', 'r1'), recordingIO()), HistoryError);
    expect(error.code).toBe('history-write-failed');
    expect(error.message).toContain(`release history ${join(dir, 'file', 'releases.ndjson')}: cannot append to it`);
  });
});

describe('release history on the first host over SSH', () => {
  it('defaults to .release-pilot/history/<project>/<env>.ndjson in the login’s home with hosts (no root needed)', async () => {
    expect(
      releaseHistoryPath(
        labEnvironment({ hosts: [{ name: 'web-1', address: 'x', knownHosts: '/dev/null' }] }),
        '/d',
        'shop',
      ),
    ).toBe('.release-pilot/history/shop/lab.ndjson');
    // A relative path lands in the home folder of the SSH login.
    const relative = `.rp-history-test-${Math.random().toString(36).slice(2, 8)}/lab.ndjson`;
    const environment = sshEnvironment(relative);
    const history = releaseHistoryFor(environment, { dataDir: '/unused', connection: connectTo(environment), scope });
    const home = homedir();
    try {
      await appendListLive(history, relative, () => readFile(join(home, relative), 'utf8'));
    } finally {
      await rm(join(home, relative, '..'), { recursive: true, force: true });
    }
  });

  it('appends through a quoted command (folder made on the way) and reads back', async () => {
    const path = join(lab.dir, 'history dir', "it's", 'releases.ndjson');
    const environment = sshEnvironment(path);
    const history = releaseHistoryFor(environment, { dataDir: '/unused', connection: connectTo(environment), scope });
    expect(history.where).toBe(`host-1:${path}`);
    await appendListLive(history, path, () => readFile(path, 'utf8'));
  });

  it('tolerates a torn last line on the host too', async () => {
    const path = join(lab.dir, 'torn', 'releases.ndjson');
    const environment = sshEnvironment(path);
    const history = releaseHistoryFor(environment, { dataDir: '/unused', connection: connectTo(environment), scope });
    const io = recordingIO();
    await history.append(entry('v1', 'r1'), io);
    await appendFile(path, '{"version":"v2","at":"2');
    await history.append(entry('v3', 'r3'), io);
    expect((await history.list(io)).map((e) => e.version)).toEqual(['v3', 'v1']);
    expect(io.lines).toEqual([`release history host-1:${path}: skipped malformed line 2`]);
  });

  it('an unreachable host is a clear error naming the host', async () => {
    const environment = sshEnvironment('/tmp/x/releases.ndjson', await freePort());
    const history = releaseHistoryFor(environment, { dataDir: '/unused', connection: connectTo(environment), scope });
    const error = await rejectionOf(history.list(recordingIO()), HistoryError);
    expect(error.code).toBe('history-unreachable');
    expect(error.message).toMatch(
      /^release history on host-1 \(\/tmp\/x\/releases\.ndjson\): cannot read it: host-1 \(127\.0\.0\.1:\d+\)/,
    );
    expect(error.details).toMatchObject({ host: 'host-1' });
  });
});
