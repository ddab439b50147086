import { z } from 'zod';
import { Argv, Slug, StringMap } from './common-fields';
import { Duration } from './duration';

// How an environment switches traffic, deploys by strategy and is watched: the `proxy:`,
// `flags:`, `deploy:` and `monitoring:` sections of an environment. The `deploy` action and the
// monitors read them; docs/environments.md documents every field.

/** Probed with HTTP: `localhost:8080` parses as a URL with scheme "localhost:", so the scheme is checked. */
export const HttpUrl = z.url({
  protocol: /^https?$/,
  error: 'write a full http:// or https:// URL, e.g. http://127.0.0.1:8080/health',
});

/** A traffic share in percent. */
export const Weight = z
  .number({ error: 'a weight is a number of percent, 0–100' })
  .int('a weight is a whole number of percent')
  .min(0, 'a weight is 0–100 (percent of traffic)')
  .max(100, 'a weight is 0–100 (percent of traffic)');

/** Steps of a traffic ramp: each a weight, rising, the last one 100. */
const Ramp = z
  .array(Weight)
  .min(1)
  .refine(
    (weights) => weights.every((w, i) => i === 0 || w > weights[i - 1]!),
    'weights must rise, e.g. [5, 25, 50, 100]',
  )
  .refine((weights) => weights.at(-1) === 100, 'the last weight must be 100 (all traffic on the new version)');

/**
 * nginx in front of the app: Release Pilot writes `upstreamFile` (an `upstream <upstream> { … }`
 * block the site config includes), runs `test`, and reloads only if the test passed.
 */
export const NginxProxy = z.strictObject({
  kind: z.literal('nginx'),
  /** The host (by name) nginx runs on, reached over SSH; omitted: this machine. */
  host: Slug.optional(),
  upstreamFile: z.string().startsWith('/', 'an absolute path, e.g. /etc/nginx/conf.d/app-upstream.conf'),
  upstream: Slug.default('app'),
  test: Argv.default(['nginx', '-t']),
  reload: Argv.default(['nginx', '-s', 'reload']),
});
/** Room for haproxy and others: each kind is one more member of this union. */
export const TrafficProxy = z.discriminatedUnion('kind', [NginxProxy], {
  error: (issue) => (issue.code === 'invalid_union' ? 'unknown proxy kind; use: nginx' : undefined),
});
export type TrafficProxy = z.output<typeof TrafficProxy>;

/** Feature flags in the OpenFeature flagd JSON format, in a file on the hosts (or this machine). */
const FlagFile = z.strictObject({
  kind: z.literal('file'),
  path: z.string().startsWith('/', 'an absolute path, e.g. /srv/app/flags.json'),
  /** Hosts (by name) holding the file; omitted: this machine. */
  hosts: z.array(Slug).min(1).optional(),
});
/** A flag service that takes `PUT <url>/<flag>` with `{ "percentage": n }`. */
const FlagHttp = z.strictObject({
  kind: z.literal('http'),
  url: HttpUrl,
  headers: StringMap.default({}),
});
export const FlagProvider = z.discriminatedUnion('kind', [FlagFile, FlagHttp], {
  error: (issue) => (issue.code === 'invalid_union' ? 'unknown flag provider kind; use: file or http' : undefined),
});
export type FlagProvider = z.output<typeof FlagProvider>;

export const DeploySettings = z.strictObject({
  /** Blue-green and canary on one host: the two slots' host ports, the proxy points at them. */
  slots: z
    .strictObject({ blue: z.number().int().min(1).max(65535), green: z.number().int().min(1).max(65535) })
    .refine((s) => s.blue !== s.green, 'blue and green need different ports')
    .optional(),
  rolling: z
    .strictObject({
      batchSize: z.number().int().min(1).default(1),
      /** Hosts that may be out of service at once; caps the batch size when smaller. */
      maxUnavailable: z.number().int().min(1).optional(),
    })
    .default({ batchSize: 1 }),
  canary: z
    .strictObject({ weights: Ramp.default([5, 25, 50, 100]), analysis: Duration.default(5 * 60_000) })
    .default({ weights: [5, 25, 50, 100], analysis: 5 * 60_000 }),
  flags: z
    .strictObject({
      provider: FlagProvider,
      flag: Slug,
      steps: Ramp.default([50, 100]),
      analysis: Duration.default(5 * 60_000),
    })
    .optional(),
  swarm: z
    .strictObject({
      service: z.string().min(1),
      parallelism: z.number().int().min(0).default(1),
      delay: Duration.default(0),
      monitor: Duration.default(30_000),
      failureAction: z.enum(['rollback', 'pause', 'continue']).default('rollback'),
      maxFailureRatio: z.number().min(0).max(1).default(0),
    })
    .optional(),
  /**
   * Where the release history lives on the target: on the first host (relative paths from the
   * login's home), or on this machine (relative paths under the data folder's targets/).
   */
  historyFile: z.string().min(1).optional(),
  /** How long a new container may take to answer its health check before it counts as failed. */
  healthTimeout: Duration.default(60_000),
});
export type DeploySettings = z.output<typeof DeploySettings>;

export const Monitoring = z.strictObject({
  probes: z
    .strictObject({
      /** Default: the environment's urls.health. */
      url: HttpUrl.optional(),
      /** Requests per second. */
      rate: z.number().positive().max(1000).default(10),
      timeout: Duration.refine((ms) => ms > 0, 'a probe needs time to answer: give more than 0, e.g. 2s').default(2000),
      /**
       * Which version answered: a response header (`header:x-version`), a field of a JSON body
       * (`json:version`), or the whole trimmed body (`body`, for a /version endpoint). Unset: the
       * app is not known to report its version, so a rollback is verified by health alone (the
       * probes still count an `x-version` header if one comes, for canary shares).
       */
      version: z
        .string()
        .regex(/^(header:[A-Za-z0-9-]+|json:[A-Za-z0-9_.]+|body)$/, 'write header:<name>, json:<field> or body')
        .optional(),
      /** Sliding window the alert rules look at. */
      window: Duration.refine((ms) => ms > 0, 'the window the rules look at must be longer than 0').default(60_000),
      /** Baseline measured before the cutover. */
      baseline: Duration.default(10_000),
    })
    .default({ rate: 10, timeout: 2000, window: 60_000, baseline: 10_000 }),
  prometheus: z
    .strictObject({
      url: HttpUrl,
      /** Metric name (as alert rules use it) → PromQL giving one number. */
      queries: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'metric names are lower_snake_case'), z.string().min(1)),
      interval: Duration.default(15_000),
    })
    .optional(),
  /** The post-deployment watch window (the workflow: first hour continuous). */
  watch: Duration.default(3_600_000),
});
export type Monitoring = z.output<typeof Monitoring>;
