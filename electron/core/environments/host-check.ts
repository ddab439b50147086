import type { HostCheck } from '../../../shared/api/schemas/environments';
import type { Host } from '../../../shared/formats/environment-schema';
import { sshConfigOf } from '../run/target-hosts';
import { fingerprintOf, loadHostKeyPolicy, probeHostKey } from '../ssh/host-key';
import type { SshConnection } from '../ssh/ssh-connection';
import { hostLabel } from '../ssh/ssh-errors';
import type { SshPool } from '../ssh/ssh-pool';
import { resolveSshHost } from '../ssh/ssh-target';
import { messageOf, timeBox } from './time-box';

// "Test connection" for one host: log in as a run would (same pool, same host-key policy), and
// separately look at the key the server presents without trusting it, so a person sees the
// fingerprint next to the one pinned in the file, and whether they match, even when login fails.

const strip = (fingerprint: string) => fingerprint.replace(/=+$/, '');

function pinningOf(host: Host): HostCheck['pinning'] {
  if (host.hostKey) return 'hostKey';
  if (host.knownHosts) return 'knownHosts';
  return host.alias ? 'alias' : 'none';
}

/** The fingerprints the host's pinning accepts; empty when none can be read (the login says why). */
async function expectedKeys(host: Host, projectRoot: string): Promise<string[]> {
  if (host.hostKey) return [strip(host.hostKey)];
  try {
    const policy = await loadHostKeyPolicy(await resolveSshHost(sshConfigOf(host, projectRoot)));
    const trusted = policy.knownHosts?.lookup.trusted ?? [];
    return [...new Set(trusted.map((entry) => fingerprintOf(entry.keyBlob)))];
  } catch {
    return [];
  }
}

export interface HostCheckResult {
  check: HostCheck;
  /** The logged-in connection, for the Docker check over SSH. */
  connection?: SshConnection;
}

export async function checkHost(
  host: Host,
  projectRoot: string,
  pool: SshPool,
  limitMs: number,
): Promise<HostCheckResult> {
  const config = sshConfigOf(host, projectRoot);
  const label = hostLabel({ name: host.name, address: host.address ?? host.alias ?? '?', port: host.port });
  const started = Date.now();
  const [login, seen, expected] = await Promise.all([
    timeBox(pool.connection(config), limitMs, label).then(
      (connection) => ({ connection, ms: Date.now() - started }),
      (error: unknown) => ({ error }),
    ),
    timeBox(probeHostKey(config, { timeoutMs: limitMs }), limitMs, label).catch(() => undefined),
    expectedKeys(host, projectRoot),
  ]);
  const code = 'error' in login ? (login.error as { code?: unknown }).code : undefined;
  // A login verified the key against the pinning; a key error says it did not match. Otherwise
  // compare the probed key with what the file pins, when there is something to compare.
  let keyMatches: boolean | undefined;
  if ('connection' in login || code === 'auth-failed') keyMatches = true;
  else if (code === 'host-key-mismatch' || code === 'host-key-unknown') keyMatches = false;
  else if (seen && expected.length > 0) keyMatches = expected.includes(strip(seen));
  const check: HostCheck = {
    host: host.name,
    label: 'connection' in login ? login.connection.label : label,
    user: host.user,
    reachable: 'connection' in login,
    pinning: pinningOf(host),
    expected,
    ...(seen ? { fingerprint: seen } : {}),
    ...(keyMatches === undefined ? {} : { keyMatches }),
    ...('connection' in login
      ? { ms: login.ms }
      : { error: messageOf(login.error), ...(typeof code === 'string' ? { code } : {}) }),
  };
  return { check, connection: 'connection' in login ? login.connection : undefined };
}
