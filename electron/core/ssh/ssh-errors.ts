export type SshErrorCode =
  | 'host-unreachable'
  | 'auth-failed'
  | 'host-key-mismatch'
  | 'host-key-unknown'
  | 'timeout'
  | 'command-failed'
  | 'cancelled'
  | 'invalid-config';

/** How every SSH message names a host: "web-2 (127.0.0.1:2203)", so two hosts on one box stay apart. */
export function hostLabel(host: { name: string; address: string; port?: number }): string {
  return `${host.name} (${host.address}:${host.port ?? 22})`;
}

/**
 * Every failure of the SSH layer. Callers branch on `code`, never on the message text; the
 * message is for people and always starts with the host's label.
 */
export class SshError extends Error {
  override readonly name: string = 'SshError';
  constructor(
    readonly code: SshErrorCode,
    readonly host: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${host}: ${detail}`, options);
  }
}

export class HostKeyMismatchError extends SshError {
  override readonly name = 'HostKeyMismatchError';
  constructor(
    host: string,
    readonly expected: string[],
    readonly actual: string,
    source: string,
  ) {
    super(
      'host-key-mismatch',
      host,
      `host key mismatch: expected ${expected.join(' or ')} (${source}) but the server presented ${actual}. ` +
        'The host may have been reinstalled, or someone may be intercepting the connection; ' +
        'check the new key out of band before trusting it.',
    );
  }
}

export class HostKeyUnknownError extends SshError {
  override readonly name = 'HostKeyUnknownError';
  constructor(
    host: string,
    readonly presented: string,
    reason: string,
  ) {
    super(
      'host-key-unknown',
      host,
      `host key not trusted: ${reason}; the server presented ${presented}. ` +
        'Verify it out of band, then pin it as hostKey or add it to a known_hosts file.',
    );
  }
}

export class CommandFailedError extends SshError {
  override readonly name = 'CommandFailedError';
  constructor(
    host: string,
    readonly command: string,
    readonly exitCode: number | null,
    readonly signal: string | undefined,
    readonly stderrTail: string,
  ) {
    const how = signal ? `was killed by signal ${signal}` : `exited with code ${exitCode}`;
    const tail = stderrTail.trim() ? `: ${stderrTail.trim().split('\n').slice(-3).join(' | ')}` : '';
    super('command-failed', host, `\`${command}\` ${how}${tail}`);
  }
}

const socketCodes: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'address not found (DNS)',
  EAI_AGAIN: 'address lookup failed (DNS)',
};

/** Turns what ssh2 or the socket reports into one typed error; ssh2 tags its errors with `level`. */
export function mapConnectError(error: unknown, host: string, timeoutMs: number): SshError {
  if (error instanceof SshError) return error;
  const err = error as NodeJS.ErrnoException & { level?: string };
  const message = err?.message ?? String(error);
  if (err?.code && socketCodes[err.code]) {
    const code = err.code === 'ETIMEDOUT' ? 'timeout' : 'host-unreachable';
    return new SshError(code, host, socketCodes[err.code]!, { cause: error });
  }
  switch (err?.level) {
    case 'client-timeout':
      return new SshError('timeout', host, `no SSH handshake within ${timeoutMs} ms (${message})`, { cause: error });
    case 'client-authentication':
      return new SshError('auth-failed', host, `authentication failed (${message})`, { cause: error });
    case 'agent':
      return new SshError('auth-failed', host, `ssh-agent failed (${message})`, { cause: error });
    case 'client-dns':
      return new SshError('host-unreachable', host, `address not found (DNS): ${message}`, { cause: error });
    case 'client-socket':
      return new SshError('host-unreachable', host, `connection failed (${message})`, { cause: error });
  }
  return new SshError('host-unreachable', host, `SSH connection failed (${message})`, { cause: error });
}
