import { createHash } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { recordingLogger } from '../test-support/recording-logger';
import type { SshConnection } from './ssh-connection';
import { exec } from './ssh-exec';
import { createSshPool, type SshPool } from './ssh-pool';
import { upload } from './ssh-upload';

let lab: SshdLab;
let pool: SshPool;
let conn: SshConnection;
let remoteDir: string;

beforeAll(async () => {
  lab = await startSshdLab({ hosts: 1 });
  pool = createSshPool({ logger: recordingLogger().logger });
  conn = await pool.connection(lab.hosts[0]!);
  // The "remote" host is this machine; a folder inside the lab's temp dir is removed with it.
  remoteDir = join(lab.dir, 'remote');
});
afterAll(async () => {
  await pool?.close();
  await lab?.stop();
});

describe('upload over sftp to real sshd', () => {
  it('uploads content to a new nested folder with the asked mode, and reads back the same bytes', async () => {
    const target = `${remoteDir}/a/b/c/config.yml`;
    const content = 'name: web\nemoji: 🚀\n';
    const result = await upload(conn, { data: content }, target, { mode: 0o640 });
    expect(result).toMatchObject({ remotePath: target, bytes: Buffer.byteLength(content) });
    expect((await exec(conn, ['cat', target])).stdoutTail).toBe(content);
    expect((await exec(conn, ['stat', '-c', '%a', target])).stdoutTail.trim()).toBe('640');
  });

  it('uploads a local file, executable, and replaces an existing file in place', async () => {
    const local = join(lab.dir, 'deploy.sh');
    writeFileSync(local, '#!/bin/sh\necho deployed "$1"\n');
    const target = `${remoteDir}/bin/deploy.sh`;
    await upload(conn, { data: 'old' }, target);
    const result = await upload(conn, { path: local }, target, { mode: 0o755 });
    expect(result.bytes).toBe(statSync(local).size);
    expect((await exec(conn, [target, 'v1.2.3'])).stdoutTail).toBe('deployed v1.2.3\n');
    // No temporary file is left beside it.
    expect((await exec(conn, ['ls', '-A', `${remoteDir}/bin`])).stdoutTail).toBe('deploy.sh\n');
  });

  it('uploads binary data unchanged', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
    const target = `${remoteDir}/blob.bin`;
    await upload(conn, { data: bytes }, target);
    const sum = (await exec(conn, ['sha256sum', target])).stdoutTail.split(' ')[0];
    expect(sum).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('fails clearly, naming host and path, when the parent is a file', async () => {
    await upload(conn, { data: 'x' }, `${remoteDir}/plain-file`);
    const target = `${remoteDir}/plain-file/inside.txt`;
    const error = await upload(conn, { data: 'y' }, target).catch((e) => e);
    expect(error.code).toBe('command-failed');
    expect(error.message).toContain(`host-1 (127.0.0.1:${lab.hosts[0]!.port}): upload to ${target} failed`);
    expect(error.message).toContain(`cannot create ${remoteDir}/plain-file`);
  });

  it('fails clearly for a missing local file and for a relative target', async () => {
    const error = await upload(conn, { path: '/nonexistent/local.txt' }, `${remoteDir}/x.txt`).catch((e) => e);
    expect(error.code).toBe('command-failed');
    expect(error.message).toMatch(/upload to .*\/x\.txt failed: copying \/nonexistent\/local\.txt: .*ENOENT/);
    const relative = await upload(conn, { data: 'x' }, 'relative/path').catch((e) => e);
    expect(relative.code).toBe('invalid-config');
    expect(relative.message).toContain('upload target must be an absolute path, got "relative/path"');
  });
});
