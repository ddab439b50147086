import { createHmac, timingSafeEqual } from 'node:crypto';

export interface KnownHostEntry {
  /** 1-based line in the file, so a message can point at the entry a person would edit. */
  line: number;
  marker?: 'revoked' | 'cert-authority';
  /** The host field as written: patterns, or one hashed `|1|salt|hash` entry. */
  hosts: string;
  keyType: string;
  keyBlob: Buffer;
}

/** Parses an OpenSSH known_hosts file. Lines OpenSSH would also ignore (comments, garbage) are skipped. */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#')) return;
    let marker: KnownHostEntry['marker'];
    if (fields[0].startsWith('@')) {
      const name = fields.shift()!;
      if (name !== '@revoked' && name !== '@cert-authority') return;
      marker = name === '@revoked' ? 'revoked' : 'cert-authority';
    }
    const [hosts, keyType, key] = fields;
    if (!hosts || !keyType || !key || !/^[A-Za-z0-9+/]+=*$/.test(key)) return;
    entries.push({ line: index + 1, marker, hosts, keyType, keyBlob: Buffer.from(key, 'base64') });
  });
  return entries;
}

/** The name OpenSSH looks up: plain for port 22, `[host]:port` otherwise. */
export function knownHostsName(address: string, port: number): string {
  return port === 22 ? address : `[${address}]:${port}`;
}

/** Does this entry's host field cover the host? Handles hashed entries, wildcards and `!` negation. */
export function entryMatchesHost(entry: KnownHostEntry, address: string, port: number): boolean {
  const name = knownHostsName(address, port);
  if (entry.hosts.startsWith('|1|')) return hashedMatches(entry.hosts, name);
  let matched = false;
  for (const pattern of entry.hosts.split(',')) {
    const negated = pattern.startsWith('!');
    if (!globMatches(negated ? pattern.slice(1) : pattern, name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

function hashedMatches(field: string, name: string): boolean {
  const [, , salt, hash] = field.split('|');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function globMatches(pattern: string, name: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${source}$`, 'i').test(name);
}

export interface KnownHostsLookup {
  /** Entries that vouch for a key of this host. */
  trusted: KnownHostEntry[];
  /** Keys explicitly marked @revoked for this host (or for every host). */
  revoked: KnownHostEntry[];
}

export function lookupKnownHosts(entries: KnownHostEntry[], address: string, port: number): KnownHostsLookup {
  const trusted: KnownHostEntry[] = [];
  const revoked: KnownHostEntry[] = [];
  for (const entry of entries) {
    if (!entryMatchesHost(entry, address, port)) continue;
    // Certificates are not supported; a CA line must not be mistaken for a plain host key.
    if (entry.marker === 'cert-authority') continue;
    (entry.marker === 'revoked' ? revoked : trusted).push(entry);
  }
  return { trusted, revoked };
}
