import { describe, expect, it } from 'vitest';
import { checkHostKey, fingerprintOf, type HostKeyPolicy, hostKeyAlgorithmsFor, keyTypeOf } from './host-key';
import { lookupKnownHosts, parseKnownHosts } from './known-hosts';
import { HostKeyMismatchError, HostKeyUnknownError } from './ssh-errors';

// Made with ssh-keygen; the fingerprints are what `ssh-keygen -lf` printed for them.
const ED = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAINVJqPnwPFIOXkSloN4X6Qu6zoDnuJ7Ig+eQVhbXl3RV', 'base64');
const ED_FP = 'SHA256:HzQuq2wzWRTpv0h5nwRQuH22Ipj+0NCMnb/kzSheS4U';
const EC = Buffer.from(
  'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBD6r5UPq1QK6IxDTiXIhNpqMknBHtD9WXqv6UGwKuAaYR6gJzCxdWuNXRZ59KYSQdkyFV+5UKc4Xh9q+RSZIhIE=',
  'base64',
);
const EC_FP = 'SHA256:BP4g5aPqKN9GUh/ZTfUxQdg9L2F3LMW/eOb0oA5WMm4';

const base = { label: 'web-2 (10.0.0.5:2222)', address: '10.0.0.5', port: 2222 };
const withKnownHosts = (text: string): HostKeyPolicy => ({
  ...base,
  knownHosts: { path: '/etc/rp/known_hosts', lookup: lookupKnownHosts(parseKnownHosts(text), '10.0.0.5', 2222) },
});

describe('fingerprintOf', () => {
  it('prints what ssh-keygen -lf prints', () => {
    expect(fingerprintOf(ED)).toBe(ED_FP);
    expect(fingerprintOf(EC)).toBe(EC_FP);
  });

  it('reads the key type out of the blob', () => {
    expect(keyTypeOf(ED)).toBe('ssh-ed25519');
    expect(keyTypeOf(EC)).toBe('ecdsa-sha2-nistp256');
    expect(keyTypeOf(Buffer.alloc(2))).toBe('unknown');
  });
});

describe('checkHostKey', () => {
  it('accepts the pinned key and refuses another, naming the host and both fingerprints', () => {
    expect(checkHostKey({ ...base, pinned: ED_FP }, ED)).toBeUndefined();
    const error = checkHostKey({ ...base, pinned: ED_FP }, EC);
    expect(error).toBeInstanceOf(HostKeyMismatchError);
    expect(error?.code).toBe('host-key-mismatch');
    expect(error?.message).toContain('web-2 (10.0.0.5:2222)');
    expect(error?.message).toContain(ED_FP);
    expect(error?.message).toContain(EC_FP);
  });

  it('never trusts on first use: no pin and no known_hosts is refused, showing the key to pin', () => {
    const error = checkHostKey(base, ED);
    expect(error).toBeInstanceOf(HostKeyUnknownError);
    expect(error?.code).toBe('host-key-unknown');
    expect((error as HostKeyUnknownError).presented).toBe(ED_FP);
    expect(error?.message).toMatch(/^web-2 \(10\.0\.0\.5:2222\): .*no pinned hostKey.*SHA256:/);
  });

  it('checks known_hosts: match, no entry, other key, revoked key', () => {
    expect(checkHostKey(withKnownHosts(`[10.0.0.5]:2222 ssh-ed25519 ${ED.toString('base64')}`), ED)).toBeUndefined();

    const unknown = checkHostKey(withKnownHosts(`[10.0.0.9]:2222 ssh-ed25519 ${ED.toString('base64')}`), ED);
    expect(unknown?.code).toBe('host-key-unknown');
    expect(unknown?.message).toContain('/etc/rp/known_hosts has no entry for [10.0.0.5]:2222');

    const mismatch = checkHostKey(withKnownHosts(`\n[10.0.0.5]:2222 ssh-ed25519 ${ED.toString('base64')}`), EC);
    expect(mismatch).toBeInstanceOf(HostKeyMismatchError);
    expect(mismatch?.message).toContain(ED_FP);
    expect(mismatch?.message).toContain(EC_FP);
    expect(mismatch?.message).toContain('/etc/rp/known_hosts line 2');

    const revoked = checkHostKey(
      withKnownHosts(
        `[10.0.0.5]:2222 ssh-ed25519 ${ED.toString('base64')}\n@revoked * ssh-ed25519 ${ED.toString('base64')}`,
      ),
      ED,
    );
    expect(revoked?.code).toBe('host-key-mismatch');
    expect(revoked?.message).toContain('@revoked in /etc/rp/known_hosts:2');
  });

  it('requires both when a pin and known_hosts are given', () => {
    const policy = { ...withKnownHosts(`[10.0.0.5]:2222 ssh-ed25519 ${ED.toString('base64')}`), pinned: EC_FP };
    expect(checkHostKey(policy, ED)?.code).toBe('host-key-mismatch');
  });
});

describe('hostKeyAlgorithmsFor', () => {
  it('asks first for the key types known_hosts holds, so a multi-key server offers the known one', () => {
    const algorithms = hostKeyAlgorithmsFor(
      withKnownHosts(`[10.0.0.5]:2222 ecdsa-sha2-nistp256 ${EC.toString('base64')}\n[10.0.0.5]:2222 ssh-rsa AAAA`),
    );
    expect(algorithms?.slice(0, 4)).toEqual(['ecdsa-sha2-nistp256', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    expect(algorithms).toContain('ssh-ed25519');
    expect(hostKeyAlgorithmsFor({ ...base, pinned: ED_FP })).toBeUndefined();
  });
});
