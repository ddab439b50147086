import { describe, expect, it } from 'vitest';
import { buildRemoteCommand, buildStopCommand, displayCommand, PGID_MARKER } from './remote-command';

describe('buildRemoteCommand', () => {
  it('announces the process group, then execs the quoted argv', () => {
    expect(buildRemoteCommand(['ls', '-la'])).toBe(`printf '${PGID_MARKER}%s\\n' "$$" >&2 && exec 'ls' '-la'`);
  });

  it('applies cwd and env through quoting, never raw', () => {
    const command = buildRemoteCommand(['printenv', 'X'], { cwd: "/srv/it's here", env: { X: '$(id)', Y: 'a b' } });
    expect(command).toContain(`cd '/srv/it'\\''s here' && exec 'env' 'X=$(id)' 'Y=a b' 'printenv' 'X'`);
  });

  it('rejects an env name that cannot be quoted, naming it', () => {
    expect(() => buildRemoteCommand(['true'], { env: { 'A;rm -rf /': '1' } })).toThrow(/"A;rm -rf \/"/);
    expect(() => buildRemoteCommand(['true'], { env: { '': '1' } })).toThrow(/invalid environment variable name/);
  });

  it('refuses an empty command', () => {
    expect(() => buildRemoteCommand([])).toThrow(/empty command/);
  });
});

describe('buildStopCommand', () => {
  it('signals the group with TERM, waits, then KILL', () => {
    const command = buildStopCommand(4242, 500);
    expect(command).toMatch(/^'sh' '-c' '.*kill -TERM "-\$1".*-lt 5 .*kill -KILL "-\$1"/s);
    expect(command.endsWith(`'rp-stop' '4242'`)).toBe(true);
  });

  it.each([0, 1, -5, 1.5, Number.NaN])('refuses to signal group %s (0/1/negative would hit far more)', (pgid) => {
    expect(() => buildStopCommand(pgid)).toThrow(/refusing/);
  });
});

describe('displayCommand', () => {
  it('shows plain words bare and quotes the rest', () => {
    expect(displayCommand(['docker', 'run', '--name=web', 'a b'])).toBe('docker run --name=web "a b"');
    expect(displayCommand(['x'.repeat(300)])).toHaveLength(200);
  });
});
