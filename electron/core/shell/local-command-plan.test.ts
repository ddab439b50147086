import { describe, expect, it } from 'vitest';
import { describeLocalCommand, planLocalCommand } from './local-command-plan';
import { ShellError } from './shell-error';

function refusal(run: () => unknown): ShellError {
  try {
    run();
  } catch (error) {
    if (error instanceof ShellError) return error;
    throw error;
  }
  throw new Error('expected a ShellError');
}

describe('local command plans', () => {
  it('keeps argv as given and describes it quoted, with env values hidden', () => {
    const plan = planLocalCommand({
      argv: ['npm', 'run', 'build', "it's; rm -rf /"],
      cwd: '/srv/my app',
      env: { TOKEN: 's3cret' },
    });
    expect(plan).toEqual({
      kind: 'local-command',
      argv: ['npm', 'run', 'build', "it's; rm -rf /"],
      cwd: '/srv/my app',
      env: { TOKEN: 's3cret' },
      timeoutMs: undefined,
    });
    const line = describeLocalCommand(plan);
    expect(line).toBe(`(cd '/srv/my app' && TOKEN=… npm run build "it's; rm -rf /")`);
    expect(line).not.toContain('s3cret');
  });

  it('refuses an empty argv, a non-string argument, a bad env name and a bad timeout', () => {
    expect(refusal(() => planLocalCommand({ argv: [] })).code).toBe('invalid-command');
    const nonString = refusal(() => planLocalCommand({ argv: ['echo', 42 as unknown as string] }));
    expect(nonString.message).toBe('local command: argv[1] must be a string without NUL bytes');
    expect(refusal(() => planLocalCommand({ argv: ['env'], env: { 'A=B': 'x' } })).message).toContain('"A=B"');
    expect(refusal(() => planLocalCommand({ argv: ['sleep'], timeoutMs: -1 })).message).toBe(
      'local command sleep: timeoutMs must be a positive number',
    );
  });
});
