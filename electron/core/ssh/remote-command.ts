import { quoteArgv } from './quote';

/**
 * The first thing a remote command prints on stderr: the process-group id we can kill later.
 * sshd starts every session's shell with setsid(), so that shell's PID ($$) is also the id of the
 * process group holding the command and everything it starts; `exec` keeps the PID.
 */
export const PGID_MARKER = 'rp-pgid:';

export interface RemoteCommandOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/**
 * Builds the one string OpenSSH hands the remote login shell (assumed POSIX). Every value goes
 * through quoteArgv; names of env variables are checked, because a name cannot be quoted.
 */
export function buildRemoteCommand(argv: readonly string[], options: RemoteCommandOptions = {}): string {
  if (argv.length === 0) throw new Error('cannot run an empty command');
  const parts = [`printf '${PGID_MARKER}%s\\n' "$$" >&2`];
  if (options.cwd !== undefined) parts.push(`cd ${quoteArgv([options.cwd])}`);
  const assignments = Object.entries(options.env ?? {}).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new Error(`invalid environment variable name: ${JSON.stringify(name)}`);
    return `${name}=${value}`;
  });
  const program = assignments.length > 0 ? ['env', ...assignments, ...argv] : [...argv];
  parts.push(`exec ${quoteArgv(program)}`);
  return parts.join(' && ');
}

/**
 * Stops a process group: TERM, up to `graceMs` for it to go, then KILL. Run through a second
 * channel on the same connection, because closing our own channel does not stop the remote
 * process (sshd only closes its pipes; a `sleep 30` would live on).
 */
export function buildStopCommand(pgid: number, graceMs = 3000): string {
  if (!Number.isInteger(pgid) || pgid <= 1) throw new Error(`refusing to signal process group ${pgid}`);
  const tries = Math.max(1, Math.ceil(graceMs / 100));
  const script = [
    'kill -TERM "-$1" 2>/dev/null || exit 0',
    'i=0',
    `while [ "$i" -lt ${tries} ]; do kill -0 "-$1" 2>/dev/null || exit 0; sleep 0.1; i=$((i + 1)); done`,
    'kill -KILL "-$1" 2>/dev/null',
    'exit 0',
  ].join('\n');
  return quoteArgv(['sh', '-c', script, 'rp-stop', String(pgid)]);
}

/** A short, readable form of a command for messages (not for running). */
export function displayCommand(argv: readonly string[]): string {
  const text = argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
