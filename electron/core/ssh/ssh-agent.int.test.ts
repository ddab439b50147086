import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { recordingLogger } from '../test-support/recording-logger';
import { exec } from './ssh-exec';
import { createSshPool } from './ssh-pool';

// Logging in through a real ssh-agent (OpenSSH's), as an operator whose key lives in the agent
// rather than in a file the environment names.

let lab: SshdLab;
let agent: ChildProcess;
let dir: string;
let socket: string;

beforeAll(async () => {
  lab = await startSshdLab({ hosts: 1 });
  dir = mkdtempSync(join(tmpdir(), 'rp-agent-'));
  socket = join(dir, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !existsSync(socket); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  execFileSync('ssh-add', ['-q', lab.clientKeyPath], {
    env: { ...process.env, SSH_AUTH_SOCK: socket },
    stdio: 'ignore',
  });
});
afterAll(async () => {
  agent?.kill();
  await lab?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('ssh-agent', () => {
  it('logs in with the key held by the agent (agent: true), no identity file needed', async () => {
    const { identityFile: _unused, ...host } = lab.hosts[0]!;
    const pool = createSshPool({ logger: recordingLogger().logger, env: { ...process.env, SSH_AUTH_SOCK: socket } });
    try {
      const conn = await pool.connection({ ...host, agent: true });
      expect((await exec(conn, ['echo', 'via agent'])).stdoutTail).toBe('via agent\n');
    } finally {
      await pool.close();
    }
  });

  it('says which agent it could not use when the agent has no key the host accepts', async () => {
    const { identityFile: _unused, ...host } = lab.hosts[0]!;
    const empty = join(dir, 'empty.sock');
    const other = spawn('ssh-agent', ['-D', '-a', empty], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && !existsSync(empty); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      const pool = createSshPool({ logger: recordingLogger().logger, env: { ...process.env, SSH_AUTH_SOCK: empty } });
      await expect(pool.connection({ ...host, agent: true })).rejects.toMatchObject({
        code: 'auth-failed',
        message: expect.stringMatching(/host-1.*tried user \S+ with ssh-agent at .*empty\.sock/),
      });
      await pool.close();
    } finally {
      other.kill();
    }
  });
});
