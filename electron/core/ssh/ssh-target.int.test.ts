import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SshdLab, startSshdLab } from '../test-lab/sshd-lab';
import { recordingLogger } from '../test-support/recording-logger';
import { useTempDirs } from '../test-support/temp-dir';
import { exec } from './ssh-exec';
import { createSshPool } from './ssh-pool';
import { resolveSshHost } from './ssh-target';

let lab: SshdLab;
beforeAll(async () => {
  lab = await startSshdLab({ hosts: 1 });
});
afterAll(() => lab?.stop());

describe('resolveSshHost', () => {
  const tempDir = useTempDirs('rp-ssh-target-');

  /** A throwaway $HOME with .ssh/config and a key in it, so `~` and defaults are exercised for real. */
  function fakeHome(config: string): { home: string; configPath: string } {
    const home = tempDir();
    mkdirSync(join(home, '.ssh'));
    copyFileSync(lab.clientKeyPath, join(home, '.ssh', 'lab_key'));
    const configPath = join(home, '.ssh', 'config');
    writeFileSync(configPath, config);
    return { home, configPath };
  }

  it('takes HostName, Port, User and IdentityFile from an ~/.ssh/config alias, expanding ~', async () => {
    const host = lab.hosts[0]!;
    const { home, configPath } = fakeHome(
      [
        'Host staging-web',
        '  HostName 127.0.0.1',
        `  Port ${host.port}`,
        '  User root',
        '  IdentityFile ~/.ssh/lab_key',
        '',
      ].join('\n'),
    );
    const target = await resolveSshHost(
      { name: 'web-1', address: '', alias: 'staging-web', hostKey: host.fingerprint },
      { sshConfigPath: configPath, env: { HOME: home } },
    );
    expect(target).toMatchObject({
      name: 'web-1',
      label: `web-1 (127.0.0.1:${host.port})`,
      host: '127.0.0.1',
      port: host.port,
      username: 'root',
      identityFile: join(home, '.ssh', 'lab_key'),
      hostKey: { pinned: host.fingerprint },
    });
    expect(target.privateKey?.toString()).toContain('OPENSSH PRIVATE KEY');

    // And the alias really connects.
    const pool = createSshPool({ logger: recordingLogger().logger, sshConfigPath: configPath, env: { HOME: home } });
    try {
      const conn = await pool.connection({
        name: 'web-1',
        address: '',
        alias: 'staging-web',
        hostKey: host.fingerprint,
      });
      expect((await exec(conn, ['whoami'])).stdoutTail.trim()).toBe('root');
    } finally {
      await pool.close();
    }
  });

  it('lets explicit fields override the alias, and reads config keys case-insensitively', async () => {
    const { home, configPath } = fakeHome('host db\n  hostname 10.1.1.1\n  PORT 2200\n  user deploy\n');
    const target = await resolveSshHost(
      { name: 'db-1', address: '127.0.0.9', port: 2222, user: 'ops', alias: 'db', identityFile: '~/.ssh/lab_key' },
      { sshConfigPath: configPath, env: { HOME: home } },
    );
    expect(target).toMatchObject({ host: '127.0.0.9', port: 2222, username: 'ops', label: 'db-1 (127.0.0.9:2222)' });
    const fromAlias = await resolveSshHost(
      { name: 'db-1', address: '', alias: 'db', identityFile: '~/.ssh/lab_key' },
      { sshConfigPath: configPath, env: { HOME: home } },
    );
    expect(fromAlias).toMatchObject({ host: '10.1.1.1', port: 2200, username: 'deploy' });
  });

  it('uses SSH_AUTH_SOCK for agent: true, and refuses it when unset', async () => {
    const home = tempDir();
    const withAgent = await resolveSshHost(
      { name: 'a', address: '10.0.0.1', agent: true },
      { env: { HOME: home, SSH_AUTH_SOCK: '/run/agent.sock' } },
    );
    expect(withAgent.agent).toBe('/run/agent.sock');
    await expect(
      resolveSshHost({ name: 'a', address: '10.0.0.1', agent: true }, { env: { HOME: home } }),
    ).rejects.toThrow('a (10.0.0.1:22): agent requested but SSH_AUTH_SOCK is not set');
  });

  it('names host and path for a missing identity file, also one from the alias', async () => {
    const { home, configPath } = fakeHome('Host gone\n  HostName 10.2.2.2\n  IdentityFile ~/.ssh/missing_key\n');
    await expect(
      resolveSshHost({ name: 'web-3', address: '10.0.0.3', identityFile: '~/keys/nope' }, { env: { HOME: home } }),
    ).rejects.toThrow(`web-3 (10.0.0.3:22): identity file not found: ${home}/keys/nope`);
    await expect(
      resolveSshHost({ name: 'web-4', address: '', alias: 'gone' }, { sshConfigPath: configPath, env: { HOME: home } }),
    ).rejects.toThrow(`web-4 (10.2.2.2:22): identity file not found: ${home}/.ssh/missing_key (from ~/.ssh/config)`);
  });

  it('names the config file when an alias cannot be looked up, and refuses bad ports', async () => {
    const home = tempDir();
    const missing = join(home, 'no-config');
    const error = await resolveSshHost({ name: 'web-5', address: '', alias: 'x' }, { sshConfigPath: missing }).catch(
      (e) => e,
    );
    expect(error.code).toBe('invalid-config');
    expect(error.message).toBe(`web-5 (x:22): cannot read ssh config ${missing} for alias "x" (ENOENT)`);
    await expect(
      resolveSshHost({ name: 'web-6', address: '10.0.0.6', port: 70000, agent: '/a.sock' }, { env: { HOME: home } }),
    ).rejects.toThrow('web-6 (10.0.0.6:70000): port must be an integer from 1 to 65535, got 70000');
    await expect(resolveSshHost({ name: 'web-7', address: '10.0.0.7' }, { env: { HOME: home } })).rejects.toThrow(
      'web-7 (10.0.0.7:22): no identityFile, no agent and no default key in ~/.ssh to log in with',
    );
  });
});
