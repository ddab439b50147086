import { quote } from 'shell-quote';
import { ShellError } from './shell-error';

export interface LocalCommandOptions {
  argv: string[];
  cwd?: string;
  /** Merged over the engine's own environment, so PATH and HOME survive unless overridden. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** What will run, as plain data: a dry run prints it, a unit test asserts it. */
export interface LocalCommandPlan {
  kind: 'local-command';
  argv: string[];
  cwd?: string;
  env: Record<string, string>;
  timeoutMs?: number;
}

/** Checks the shape before anything is spawned, so a malformed runbook fails with its own words. */
export function planLocalCommand(options: LocalCommandOptions): LocalCommandPlan {
  const { argv, cwd, env = {}, timeoutMs } = options;
  if (!Array.isArray(argv) || argv.length === 0 || argv[0] === '') {
    throw new ShellError('invalid-command', 'local command: argv is empty (expected [program, ...args])', { argv });
  }
  const wrong = argv.findIndex((arg) => typeof arg !== 'string' || arg.includes('\0'));
  if (wrong !== -1) {
    throw new ShellError('invalid-command', `local command: argv[${wrong}] must be a string without NUL bytes`, {
      argv,
    });
  }
  for (const [name, value] of Object.entries(env)) {
    if (name === '' || name.includes('=') || typeof value !== 'string') {
      throw new ShellError(
        'invalid-command',
        `local command ${argv[0]}: env ${JSON.stringify(name)} is not NAME=string`,
        {
          env: name,
        },
      );
    }
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new ShellError('invalid-command', `local command ${argv[0]}: timeoutMs must be a positive number`, {
      timeoutMs,
    });
  }
  return { kind: 'local-command', argv: [...argv], cwd, env: { ...env }, timeoutMs };
}

/**
 * One line a person can read and paste into a terminal. Env values are hidden because they are
 * where secrets get passed; the names are enough to see what is set.
 */
export function describeLocalCommand(plan: LocalCommandPlan): string {
  const env = Object.keys(plan.env).map((name) => `${name}=…`);
  const command = [...env, quote(plan.argv)].join(' ');
  return plan.cwd === undefined ? command : `(cd ${quote([plan.cwd])} && ${command})`;
}
