import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { rejectionOf } from '../test-support/rejection';
import { recordLogPushes } from './test-support/log-recorder';
import {
  ctx,
  type LogSourcesLab,
  labSecret,
  localProcesses,
  remoteProcesses,
  startLogSourcesLab,
} from './test-support/log-sources-lab';

// File and journal sources against the real things: `tail -F` and journalctl over SSH on sshd lab
// hosts (one whose PATH has no journalctl, one that dies mid-follow, a port where nothing
// listens), files on this machine; bad input; the engine stopping every follow as it closes.

let lab: LogSourcesLab;
beforeAll(async () => {
  lab = await startLogSourcesLab();
});
afterAll(async () => {
  await lab?.stop();
});

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, ApiError);

describe('logs:targets', () => {
  it("offers each environment's hosts, where Docker runs and the app's container", async () => {
    const targets = await lab.engine.handlers['logs:targets']({ projectId: lab.projectId }, ctx);
    const staging = targets.find((t) => t.environment === 'staging')!;
    expect(staging.hosts.map((h) => h.name)).toEqual(['web-1', 'gone', 'bare', 'doomed']);
    expect(staging.hosts[0]!.label).toBe(`web-1 (127.0.0.1:${lab.web1.port})`);
    expect(staging.docker).toEqual({ via: 'local', label: 'local socket /var/run/docker.sock', hosts: ['local'] });
    expect(staging.container).toBe(lab.appContainer);
    expect(targets.find((t) => t.environment === 'fleet')!.docker.hosts).toEqual(['web-1']);
  });
});

describe('file sources', () => {
  it('follows a file over SSH with tail -F through rotation and truncation; removing it kills the remote tail', async () => {
    const file = join(lab.scratch, 'app.log');
    writeFileSync(file, 'boot line\n');
    const info = await lab.follow({ kind: 'file', host: 'web-1', path: file });
    expect(info).toMatchObject({ label: `file:${file}@web-1`, state: 'following', environment: 'staging' });
    await lab.pushes.waitForLine(info.followId, 'boot line');

    appendFileSync(file, 'request 1 ok\n');
    await lab.pushes.waitForLine(info.followId, 'request 1 ok');
    renameSync(file, `${file}.1`);
    writeFileSync(file, 'after rotation\n');
    await lab.pushes.waitForLine(info.followId, 'after rotation');
    writeFileSync(file, '');
    // Written only once tail has seen the truncation (it may poll once a second): a longer line
    // written first would look like growth, and tail would print it from its old offset.
    await lab.pushes.waitForLine(info.followId, /file truncated/);
    appendFileSync(file, 'after truncation, the first line again\n');
    await lab.pushes.waitForLine(info.followId, 'after truncation, the first line again');
    // Lines arrive batched, not one push per line.
    expect(lab.pushes.pushes.filter((p) => p.followId === info.followId).every((p) => p.label === info.label)).toBe(
      true,
    );

    expect((await lab.engine.handlers['logs:follows']({}, ctx)).map((f) => f.followId)).toContain(info.followId);
    const pattern = `tail -n 200 -F -- ${file}`;
    expect(await remoteProcesses(lab.web1, pattern)).toHaveLength(1);

    const last = await lab.engine.handlers['logs:unfollow']({ followId: info.followId }, ctx);
    expect(last).toMatchObject({ state: 'ended', code: 'removed', reason: 'removed from the Logs screen' });
    expect(await lab.pushes.waitForEnd(info.followId)).toMatchObject({ code: 'removed', label: info.label });
    expect(lab.pushes.linesOf(info.followId, 'info').at(-1)).toBe('Ended: removed from the Logs screen');
    expect(await remoteProcesses(lab.web1, pattern)).toEqual([]);
    expect((await lab.engine.handlers['logs:follows']({}, ctx)).map((f) => f.followId)).not.toContain(info.followId);
  });

  it("follows a file on this machine (host local); removing it ends the local tail's process group", async () => {
    const file = join(lab.scratch, 'local.log');
    writeFileSync(file, `started; API token ${labSecret}\n`);
    const info = await lab.follow({ kind: 'file', host: 'local', path: file });
    expect(info.label).toBe(`file:${file}@local`);
    await lab.pushes.waitForLine(info.followId, 'API token [secret]');
    expect(lab.pushes.linesOf(info.followId).join('\n')).not.toContain(labSecret);
    expect(localProcesses(`tail -n 200 -F -- ${file}`)).toHaveLength(1);
    await lab.engine.handlers['logs:unfollow']({ followId: info.followId }, ctx);
    expect(localProcesses(`tail -n 200 -F -- ${file}`)).toEqual([]);
  });

  it('a second follow of the same file gets its own label', async () => {
    const file = join(lab.scratch, 'twice.log');
    writeFileSync(file, 'x\n');
    const first = await lab.follow({ kind: 'file', host: 'local', path: file });
    const second = await lab.follow({ kind: 'file', host: 'local', path: file });
    expect(second.label).toBe(`${first.label} #2`);
    await Promise.all([first, second].map((f) => lab.engine.handlers['logs:unfollow']({ followId: f.followId }, ctx)));
  });
});

describe('journal sources', () => {
  it('runs journalctl -f for the unit over SSH (this container has no journal: its own words are the line)', async () => {
    const info = await lab.follow({ kind: 'journal', host: 'web-1', unit: 'rp-test.service' });
    expect(info.label).toBe('journal:rp-test.service@web-1');
    await lab.pushes.waitForLine(info.followId, /No journal files were found|No entries/);
    const pattern = 'journalctl -f -n 200 -u rp-test.service --no-pager';
    expect(await remoteProcesses(lab.web1, pattern)).toHaveLength(1);
    await lab.engine.handlers['logs:unfollow']({ followId: info.followId }, ctx);
    expect(await remoteProcesses(lab.web1, pattern)).toEqual([]);
  });

  it('a host without journalctl → the follow is refused, naming the host and the missing program', async () => {
    const error = await rejection(lab.follow({ kind: 'journal', host: 'bare', unit: 'nginx.service' }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(
      new RegExp(
        `^bare \\(127\\.0\\.0\\.1:${lab.bare.hosts[0]!.port}\\): journalctl is not installed \\(exit 127: .*journalctl: not found\\)$`,
      ),
    );
    expect((await lab.engine.handlers['logs:follows']({}, ctx)).map((f) => f.label)).not.toContain(
      'journal:nginx.service@bare',
    );
  });
});

describe('bad input and failures', () => {
  it('an unknown host, environment or follow is refused, naming what is wrong', async () => {
    const host = await rejection(lab.follow({ kind: 'file', host: 'web-9', path: '/var/log/x.log' }));
    expect(host.code).toBe('invalid-request');
    expect(host.message).toBe(
      'host "web-9" is not in environment "staging" (hosts: web-1, gone, bare, doomed; "local" is this machine)',
    );
    expect(host.details).toMatchObject({ field: 'source.host', host: 'web-9' });
    const env = await rejection(lab.follow({ kind: 'file', host: 'web-1', path: '/x' }, 'qa'));
    expect(env.message).toBe('no environment "qa" in .release-pilot/environments.yml (defined: staging, fleet)');
    const gone = await rejection(lab.engine.handlers['logs:unfollow']({ followId: 'follow-nope' }, ctx));
    expect(gone.code).toBe('not-found');
  });

  it('a host where nothing listens → unavailable, naming the host and the cause', async () => {
    const error = await rejection(lab.follow({ kind: 'file', host: 'gone', path: '/var/log/syslog' }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain(`gone (127.0.0.1:${lab.deadPort})`);
    expect(error.message).toMatch(/refused|ECONNREFUSED/i);
  });

  it('a host that goes down mid-follow ends the follow with the reason', async () => {
    const file = join(lab.scratch, 'doomed.log');
    writeFileSync(file, 'still here\n');
    const info = await lab.follow({ kind: 'file', host: 'doomed', path: file });
    await lab.pushes.waitForLine(info.followId, 'still here');
    await lab.doomed.stop();
    const end = await lab.pushes.waitForEnd(info.followId);
    expect(end.code).toBe('failed');
    expect(end.reason).toContain(`doomed (127.0.0.1:${lab.doomed.hosts[0]!.port}): connection lost while running`);
  });
});

describe('lifecycle', () => {
  it('closing the engine stops every follow and its remote process', async () => {
    const other = await lab.openEngine();
    const recorded = recordLogPushes(other.engine.events);
    const file = join(lab.scratch, 'closing.log');
    writeFileSync(file, 'one\n');
    const info = await other.engine.handlers['logs:follow'](
      { projectId: other.projectId, environment: 'staging', source: { kind: 'file', host: 'web-1', path: file } },
      ctx,
    );
    await recorded.waitForLine(info.followId, 'one');
    await other.engine.close();
    expect(await recorded.waitForEnd(info.followId)).toMatchObject({ code: 'closed' });
    expect(await remoteProcesses(lab.web1, `tail -n 200 -F -- ${file}`)).toEqual([]);
  });
});
