import { describe, expect, it } from 'vitest';
import { entryMatchesHost, knownHostsName, lookupKnownHosts, parseKnownHosts } from './known-hosts';

// Keys and hashed lines made with ssh-keygen (-t ed25519 / ecdsa, then `ssh-keygen -H`).
const ED = 'AAAAC3NzaC1lZDI1NTE5AAAAINVJqPnwPFIOXkSloN4X6Qu6zoDnuJ7Ig+eQVhbXl3RV';
const EC =
  'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBD6r5UPq1QK6IxDTiXIhNpqMknBHtD9WXqv6UGwKuAaYR6gJzCxdWuNXRZ59KYSQdkyFV+5UKc4Xh9q+RSZIhIE=';
const hashed = [
  `|1|0D/QbWjhIeEWDqz7LgQYCTOeV7o=|9KkQ+CW6TYuw8ykLIsDmX7tPRlU= ssh-ed25519 ${ED}`, // [10.0.0.5]:2222
  `|1|DbbrLzdfn54QR2fyGkNT4FKXNxo=|rtgegvnxsu4k7UY6uI/5rECrCZo= ecdsa-sha2-nistp256 ${EC}`, // db.example.com
].join('\n');

describe('parseKnownHosts', () => {
  it('reads entries with their line numbers and skips comments, blanks and garbage', () => {
    const entries = parseKnownHosts(
      [
        '# comment',
        '',
        `web.example.com,10.0.0.1 ssh-ed25519 ${ED} a comment`,
        'garbage',
        `@revoked * ssh-ed25519 ${ED}`,
      ].join('\n'),
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ line: 3, hosts: 'web.example.com,10.0.0.1', keyType: 'ssh-ed25519' });
    expect(entries[0]!.keyBlob.equals(Buffer.from(ED, 'base64'))).toBe(true);
    expect(entries[1]).toMatchObject({ line: 5, marker: 'revoked', hosts: '*' });
  });

  it('ignores unknown markers and keys that are not base64', () => {
    expect(parseKnownHosts(`@bogus host ssh-ed25519 ${ED}\nhost ssh-ed25519 not*base64`)).toEqual([]);
  });
});

describe('host matching', () => {
  it('uses [host]:port for non-standard ports and the bare name for 22', () => {
    expect(knownHostsName('10.0.0.5', 2222)).toBe('[10.0.0.5]:2222');
    expect(knownHostsName('10.0.0.5', 22)).toBe('10.0.0.5');
    const [bare] = parseKnownHosts(`10.0.0.5 ssh-ed25519 ${ED}`);
    expect(entryMatchesHost(bare!, '10.0.0.5', 22)).toBe(true);
    expect(entryMatchesHost(bare!, '10.0.0.5', 2222)).toBe(false);
  });

  it('matches hashed entries made by ssh-keygen -H, including the [host]:port form', () => {
    const [withPort, plain] = parseKnownHosts(hashed);
    expect(entryMatchesHost(withPort!, '10.0.0.5', 2222)).toBe(true);
    expect(entryMatchesHost(withPort!, '10.0.0.5', 22)).toBe(false);
    expect(entryMatchesHost(plain!, 'db.example.com', 22)).toBe(true);
    expect(entryMatchesHost(plain!, 'db.example.org', 22)).toBe(false);
  });

  it('honours wildcards and ! negation, case-insensitively', () => {
    const [entry] = parseKnownHosts(`*.example.com,!bad.example.com,[10.0.0.?]:2200 ssh-ed25519 ${ED}`);
    expect(entryMatchesHost(entry!, 'WEB.example.com', 22)).toBe(true);
    expect(entryMatchesHost(entry!, 'bad.example.com', 22)).toBe(false);
    expect(entryMatchesHost(entry!, '10.0.0.7', 2200)).toBe(true);
    expect(entryMatchesHost(entry!, '10.0.0.17', 2200)).toBe(false);
    expect(entryMatchesHost(entry!, 'examplexcom', 22)).toBe(false);
  });
});

describe('lookupKnownHosts', () => {
  it('separates trusted keys from revoked ones and ignores cert-authority lines', () => {
    const entries = parseKnownHosts(
      [`web ssh-ed25519 ${ED}`, `@revoked web ecdsa-sha2-nistp256 ${EC}`, `@cert-authority * ssh-ed25519 ${ED}`].join(
        '\n',
      ),
    );
    const found = lookupKnownHosts(entries, 'web', 22);
    expect(found.trusted.map((e) => e.line)).toEqual([1]);
    expect(found.revoked.map((e) => e.line)).toEqual([2]);
    expect(lookupKnownHosts(entries, 'db', 22)).toEqual({ trusted: [], revoked: [] });
  });
});
