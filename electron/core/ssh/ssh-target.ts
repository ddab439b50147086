import { access, readFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import SSHConfig from 'ssh-config';
import { hostLabel, SshError } from './ssh-errors';

/** A host as an environment file describes it. */
export interface SshHostConfig {
  name: string;
  /** May be empty when `alias` supplies the HostName. */
  address: string;
  port?: number;
  user?: string;
  identityFile?: string;
  /** true → the agent at SSH_AUTH_SOCK; a string → that agent socket. */
  agent?: boolean | string;
  /** Pinned host key fingerprint, 'SHA256:base64' as `ssh-keygen -lf` prints it. */
  hostKey?: string;
  /** Path of a known_hosts file to verify the host key against. */
  knownHosts?: string;
  /** A `Host` of ~/.ssh/config supplying HostName, Port, User, IdentityFile; explicit fields win. */
  alias?: string;
}

export interface ResolveOptions {
  /** Defaults to $HOME/.ssh/config; read only when the host names an alias. */
  sshConfigPath?: string;
  env?: NodeJS.ProcessEnv;
}

/** Where and how to connect: everything a connection needs, nothing left to look up. */
export interface ResolvedSshTarget {
  name: string;
  /** "web-2 (127.0.0.1:2203)", used in every message about this host. */
  label: string;
  host: string;
  port: number;
  username: string;
  identityFile?: string;
  privateKey?: Buffer;
  agent?: string;
  hostKey: { pinned?: string; knownHostsPath?: string };
}

interface Endpoint {
  name: string;
  label: string;
  host: string;
  port: number;
  username: string;
  aliasConfig: Record<string, string | string[]>;
  home: string;
  env: NodeJS.ProcessEnv;
}

/** Address, port and user only: enough to reach the host (probing its key needs no credentials). */
export async function resolveEndpoint(cfg: SshHostConfig, options: ResolveOptions = {}): Promise<Endpoint> {
  const env = options.env ?? process.env;
  const home = env.HOME || homedir();
  const draft = hostLabel({
    name: cfg.name || '(unnamed host)',
    address: cfg.address || cfg.alias || '?',
    port: cfg.port,
  });
  if (!cfg.name) throw new SshError('invalid-config', draft, 'host has no name');
  const aliasConfig = cfg.alias
    ? await readAlias(cfg, options.sshConfigPath ?? join(home, '.ssh', 'config'), draft)
    : {};
  const host = cfg.address || first(aliasConfig.hostname) || cfg.alias || '';
  if (!host) throw new SshError('invalid-config', draft, 'no address (and no alias to take a HostName from)');
  const port = cfg.port ?? Number(first(aliasConfig.port) ?? 22);
  const label = hostLabel({ name: cfg.name, address: host, port });
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SshError('invalid-config', label, `port must be an integer from 1 to 65535, got ${port}`);
  }
  const username = cfg.user || first(aliasConfig.user) || env.USER || userInfo().username;
  return { name: cfg.name, label, host, port, username, aliasConfig, home, env };
}

/** Resolves a host to a concrete target: alias looked up, `~` expanded, the key file read. */
export async function resolveSshHost(cfg: SshHostConfig, options: ResolveOptions = {}): Promise<ResolvedSshTarget> {
  const endpoint = await resolveEndpoint(cfg, options);
  const { label, aliasConfig, env } = endpoint;
  const expand = (path: string) => expandPath(path, endpoint);
  const agent = resolveAgent(cfg.agent ?? first(aliasConfig.identityagent), env, label);

  let identityFile: string | undefined;
  if (cfg.identityFile) {
    identityFile = expand(cfg.identityFile);
    if (!(await exists(identityFile)))
      throw new SshError('invalid-config', label, `identity file not found: ${identityFile}`);
  } else if (aliasConfig.identityfile) {
    const candidates = all(aliasConfig.identityfile).map(expand);
    identityFile = await firstExisting(candidates);
    if (!identityFile && !agent) {
      throw new SshError(
        'invalid-config',
        label,
        `identity file not found: ${candidates.join(', ')} (from ~/.ssh/config)`,
      );
    }
  } else if (!agent) {
    identityFile = await firstExisting(['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(endpoint.home, '.ssh', f)));
  }
  const fallbackAgent = !identityFile && !agent && cfg.agent === undefined ? env.SSH_AUTH_SOCK : undefined;
  if (!identityFile && !agent && !fallbackAgent) {
    throw new SshError(
      'invalid-config',
      label,
      'no identityFile, no agent and no default key in ~/.ssh to log in with',
    );
  }
  const privateKey = identityFile ? await readKey(identityFile, label) : undefined;

  const knownHosts = cfg.knownHosts ?? first(aliasConfig.userknownhostsfile)?.split(/\s+/)[0];
  return {
    name: endpoint.name,
    label,
    host: endpoint.host,
    port: endpoint.port,
    username: endpoint.username,
    identityFile,
    privateKey,
    agent: agent ?? fallbackAgent,
    hostKey: { pinned: cfg.hostKey, knownHostsPath: knownHosts ? expand(knownHosts) : undefined },
  };
}

async function readAlias(cfg: SshHostConfig, path: string, label: string): Promise<Record<string, string | string[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new SshError('invalid-config', label, `cannot read ssh config ${path} for alias "${cfg.alias}" (${code})`);
  }
  try {
    // Keys come back lower-cased, as OpenSSH treats them. matchExec off: resolving a host must never run commands out of a config file.
    return SSHConfig.parse(text).compute(cfg.alias!, { matchExec: false, ignoreCase: true });
  } catch (error) {
    throw new SshError('invalid-config', label, `cannot parse ssh config ${path}: ${(error as Error).message}`);
  }
}

function resolveAgent(agent: boolean | string | undefined, env: NodeJS.ProcessEnv, label: string): string | undefined {
  if (agent === undefined || agent === false || agent === 'none') return undefined;
  if (agent === true || agent === 'SSH_AUTH_SOCK') {
    if (!env.SSH_AUTH_SOCK) throw new SshError('invalid-config', label, 'agent requested but SSH_AUTH_SOCK is not set');
    return env.SSH_AUTH_SOCK;
  }
  return agent;
}

/** `~` and the ssh_config tokens people actually use in IdentityFile: %d home, %u local user, %h, %r. */
function expandPath(path: string, endpoint: Endpoint): string {
  const tokens: Record<string, string> = {
    d: endpoint.home,
    u: endpoint.env.USER || userInfo().username,
    h: endpoint.host,
    r: endpoint.username,
    '%': '%',
  };
  const withTokens = path.replace(/%([duhr%])/g, (_, t: string) => tokens[t]!);
  return withTokens === '~' || withTokens.startsWith('~/') ? endpoint.home + withTokens.slice(1) : withTokens;
}

async function readKey(path: string, label: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new SshError('invalid-config', label, `cannot read identity file ${path} (${code})`);
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const path of paths) if (await exists(path)) return path;
  return undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function all(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}
