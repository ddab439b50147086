import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Client } from 'ssh2';
import { type KnownHostEntry, knownHostsName, lookupKnownHosts, parseKnownHosts } from './known-hosts';
import { HostKeyMismatchError, HostKeyUnknownError, mapConnectError, SshError } from './ssh-errors';
import { type ResolvedSshTarget, type ResolveOptions, resolveEndpoint, type SshHostConfig } from './ssh-target';

/** 'SHA256:' + unpadded base64 of sha256(raw key blob): exactly what `ssh-keygen -lf` prints. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key's algorithm name, read from the blob itself (its first SSH string). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const length = keyBlob.readUInt32BE(0);
  return keyBlob.subarray(4, 4 + length).toString('latin1');
}

/** The trust decision for one host, loaded before connecting so the check itself is synchronous. */
export interface HostKeyPolicy {
  label: string;
  address: string;
  port: number;
  pinned?: string;
  knownHosts?: { path: string; lookup: ReturnType<typeof lookupKnownHosts> };
}

export async function loadHostKeyPolicy(target: ResolvedSshTarget): Promise<HostKeyPolicy> {
  const { pinned, knownHostsPath } = target.hostKey;
  const policy: HostKeyPolicy = { label: target.label, address: target.host, port: target.port };
  if (pinned !== undefined) {
    if (!/^SHA256:[A-Za-z0-9+/]{43}=?$/.test(pinned)) {
      throw new SshError(
        'invalid-config',
        target.label,
        `hostKey must look like SHA256:<43 base64 characters> (as ssh-keygen -lf prints it), got "${pinned}"`,
      );
    }
    policy.pinned = pinned.replace(/=+$/, '');
  }
  if (knownHostsPath !== undefined) {
    let text: string;
    try {
      text = await readFile(knownHostsPath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new SshError('invalid-config', target.label, `cannot read known_hosts file ${knownHostsPath} (${code})`);
    }
    const lookup = lookupKnownHosts(parseKnownHosts(text), target.host, target.port);
    policy.knownHosts = { path: knownHostsPath, lookup };
  }
  return policy;
}

/** Checks the key the server presented; returns the error to fail the connection with, if any. */
export function checkHostKey(policy: HostKeyPolicy, keyBlob: Buffer): SshError | undefined {
  const actual = fingerprintOf(keyBlob);
  const { label, pinned, knownHosts } = policy;
  if (!pinned && !knownHosts) {
    // Never trust on first use silently: the person pins what probeHostKey showed them.
    return new HostKeyUnknownError(label, actual, 'no pinned hostKey and no knownHosts file configured');
  }
  if (pinned && pinned !== actual) return new HostKeyMismatchError(label, [pinned], actual, 'pinned hostKey');
  if (!knownHosts) return undefined;
  const { path, lookup } = knownHosts;
  const revoked = lookup.revoked.find((e) => e.keyBlob.equals(keyBlob));
  if (revoked) {
    return new SshError('host-key-mismatch', label, `host key ${actual} is marked @revoked in ${path}:${revoked.line}`);
  }
  if (lookup.trusted.some((e) => e.keyBlob.equals(keyBlob))) return undefined;
  const name = knownHostsName(policy.address, policy.port);
  if (lookup.trusted.length === 0) {
    return new HostKeyUnknownError(label, actual, `${path} has no entry for ${name}`);
  }
  const lines = lookup.trusted.map((e) => e.line).join(', ');
  return new HostKeyMismatchError(label, expectedFingerprints(lookup.trusted), actual, `${path} line ${lines}`);
}

function expectedFingerprints(entries: KnownHostEntry[]): string[] {
  return [...new Set(entries.map((e) => `${fingerprintOf(e.keyBlob)} (${e.keyType})`))];
}

const rsaAlgorithms = ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];
const defaultHostKeyAlgorithms = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  ...rsaAlgorithms,
];

/**
 * Asks the server for a key type known_hosts already vouches for. Without this a server with
 * several host keys may offer, say, ed25519 while known_hosts holds its ecdsa key, and a genuine
 * host would look like a mismatch. Other types stay in the list, after the known ones.
 */
export function hostKeyAlgorithmsFor(policy: HostKeyPolicy): string[] | undefined {
  const known = policy.knownHosts?.lookup.trusted.map((e) => e.keyType) ?? [];
  if (known.length === 0) return undefined;
  const preferred = known.flatMap((type) => (type === 'ssh-rsa' ? rsaAlgorithms : [type]));
  return [...new Set([...preferred.filter((a) => defaultHostKeyAlgorithms.includes(a)), ...defaultHostKeyAlgorithms])];
}

/**
 * Connects only far enough to see the host key and returns its fingerprint, so the UI can show
 * it for pinning. It never logs in and never trusts the key.
 */
export async function probeHostKey(
  host: SshHostConfig,
  options: ResolveOptions & { timeoutMs?: number } = {},
): Promise<string> {
  const endpoint = await resolveEndpoint(host, options);
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise<string>((resolve, reject) => {
    const client = new Client();
    let fingerprint: string | undefined;
    const finish = () => {
      client.removeAllListeners('error');
      client.on('error', () => {});
      client.end();
      if (fingerprint) resolve(fingerprint);
    };
    client.on('error', (error) => {
      if (fingerprint) return finish();
      reject(mapConnectError(error, endpoint.label, timeoutMs));
    });
    client.on('close', () => {
      if (fingerprint) resolve(fingerprint);
      else reject(new SshError('host-unreachable', endpoint.label, 'connection closed before the host key was sent'));
    });
    client.connect({
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.username,
      readyTimeout: timeoutMs,
      hostVerifier: (key: Buffer) => {
        fingerprint = fingerprintOf(key);
        return false;
      },
    });
  });
}
