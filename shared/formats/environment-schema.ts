import { z } from 'zod';
import { PortMapping, Slug, StringMap, Text } from './common-fields';
import { DeploySettings, HttpUrl, Monitoring, TrafficProxy } from './deploy-schema';
import { imageRefProblem, unlessVariable } from './docker-fields';
import { Duration } from './duration';
import { Schedule } from './schedule-schema';

// The environments format (`.release-pilot/environments.yml`): `environments:` maps a name to its
// settings. Secrets never live here: write `${secret:NAME}` and the app resolves it at run time.

export const Host = z
  .strictObject({
    name: Slug,
    address: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    user: z.string().min(1).optional(),
    identityFile: z.string().min(1).optional(),
    /** Use the running ssh-agent (SSH_AUTH_SOCK), or the agent socket at this path. */
    agent: z.union([z.boolean(), z.string().min(1)]).optional(),
    /** Pinned host key fingerprint as `ssh-keygen -lf` prints it: SHA256:… */
    hostKey: z
      .string()
      .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'write the fingerprint as SHA256:<43 base64 characters>')
      .optional(),
    knownHosts: z.string().min(1).optional(),
    /** A `Host` entry of ~/.ssh/config to take address, port, user and identity from. */
    alias: z.string().min(1).optional(),
    /** The app's own URL on this host (e.g. http://10.0.0.5:8080): per-host health checks and proxy upstreams. */
    appUrl: HttpUrl.optional(),
  })
  .refine((host) => host.address || host.alias, { message: 'give the host an address (or an ~/.ssh/config alias)' })
  .refine((host) => host.hostKey || host.knownHosts || host.alias, {
    message: 'pin the host key (hostKey: SHA256:…) or name a knownHosts file, so a changed key is caught',
  });
export type Host = z.output<typeof Host>;

export const DockerAccess = z.discriminatedUnion('via', [
  /** The engine on this machine, through its socket. */
  z.strictObject({ via: z.literal('local'), socket: z.string().default('/var/run/docker.sock') }),
  /** Whatever DOCKER_HOST says (unix://, tcp://, ssh://). */
  z.strictObject({ via: z.literal('env') }),
  /** The engine on each host, reached through that host's SSH connection. */
  z.strictObject({ via: z.literal('ssh') }),
]);
export type DockerAccess = z.output<typeof DockerAccess>;

export const App = z.strictObject({
  /** The image without its tag (a run adds `:<version>`): refused here as the docker runner would refuse it. */
  image: Text.superRefine((image, ctx) => {
    const message = unlessVariable(imageRefProblem)(image);
    if (message) ctx.addIssue({ code: 'custom', message });
  }),
  container: Slug,
  ports: z.array(PortMapping).default([]),
  env: StringMap.default({}),
  healthPath: z.string().startsWith('/', 'a path such as /health').default('/health'),
});
export type App = z.output<typeof App>;

export const Environment = z.strictObject({
  description: z.string().optional(),
  /** Protected environments need a passed run on `requires` with the same version, approvals and typed confirmation. */
  protected: z.boolean().default(false),
  requires: z.array(z.string().min(1)).default([]),
  /** Roles whose approval every run against this environment needs. */
  approvals: z.array(Slug).default([]),
  hosts: z
    .array(Host)
    .default([])
    .superRefine((hosts, ctx) => {
      // Actions name hosts; two with one name would send both hosts' work to the first.
      const seen = new Set<string>();
      hosts.forEach((host, i) => {
        if (seen.has(host.name))
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `host name "${host.name}" is used twice` });
        seen.add(host.name);
      });
    }),
  docker: DockerAccess.default({ via: 'local', socket: '/var/run/docker.sock' }),
  app: App.optional(),
  urls: z.strictObject({ health: HttpUrl.optional(), smoke: z.array(HttpUrl).default([]) }).default({ smoke: [] }),
  variables: StringMap.default({}),
  /** Hosts worked on at once by ssh actions. */
  concurrency: z.number().int().min(1).max(256).default(10),
  /** When runs may start: deployment windows and freezes (docs/planning.md). */
  schedule: Schedule.optional(),
  /** What switches traffic between versions (blue-green, canary). */
  proxy: TrafficProxy.optional(),
  deploy: DeploySettings.default(DeploySettings.parse({})),
  monitoring: Monitoring.default(Monitoring.parse({})),
  /** Where the deploy lock lives on the target (the first host, or this machine when there are none). */
  lockDir: z.string().optional(),
  /** A lock older than this is reported as stale (it is still only broken on an explicit decision). */
  staleLockAfter: Duration.default(2 * 3_600_000),
});
export type Environment = z.output<typeof Environment>;

/** `git-refs`: a version is a tag, branch or commit of the project's repository, checked before a run. */
export const versionKinds = ['git-refs', 'not-git-refs'] as const;
export type VersionKind = (typeof versionKinds)[number];

export const EnvironmentsFile = z.strictObject({
  /**
   * The name the targets know this project by: its release history on a host or in the data folder
   * is kept per project and environment. The same on every laptop; default: the project's folder name.
   */
  project: Slug.optional(),
  /** `not-git-refs`: versions are names CI gives (image tags, build numbers), not refs of this repository. */
  versions: z.enum(versionKinds).default('git-refs'),
  environments: z.record(
    z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'environment names are lower-case words'),
    Environment,
  ),
});
export type EnvironmentsFile = z.output<typeof EnvironmentsFile>;
export type NamedEnvironment = Environment & { name: string };
