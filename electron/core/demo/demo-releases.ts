// The demo repository's history: one commit per release, each changing the service's config.
// v1.2.0 is the deliberately bad release: it passes its health check and fails about 30 % of the
// requests real users make, so the monitoring has something to catch.

export interface DemoRelease {
  version: string;
  message: string;
  author: { name: string; email: string };
  /** service/config of this release. */
  config: { greeting: string; failPercent: number };
}

export const demoReleases: DemoRelease[] = [
  {
    version: 'v1.0.0',
    message: 'Demo service: /health, /version and a greeting',
    author: { name: 'Ada Lovelace', email: 'ada@demo.invalid' },
    config: { greeting: 'Hello from the demo service', failPercent: 0 },
  },
  {
    version: 'v1.1.0',
    message: 'Friendlier greeting on /',
    author: { name: 'Grace Hopper', email: 'grace@demo.invalid' },
    config: { greeting: 'Hello again, and welcome to the demo service', failPercent: 0 },
  },
  {
    version: 'v1.2.0',
    message: 'Answer / and /version from a response cache (deliberately bad: about 30 % of requests fail)',
    author: { name: 'Alan Turing', email: 'alan@demo.invalid' },
    config: { greeting: 'Hello again, and welcome to the demo service', failPercent: 30 },
  },
];

export const demoVersions = demoReleases.map((r) => r.version);

/** service/config: sourced by server.sh. */
export function serviceConfig(release: DemoRelease): string {
  return [
    `# Release ${release.version} of the demo service (read by server.sh).`,
    `VERSION=${release.version}`,
    `GREETING="${release.config.greeting}"`,
    release.config.failPercent > 0
      ? `# The bug of this release: this share of requests to / and /version fails.`
      : '# No known bug in this release.',
    `FAIL_PERCENT=${release.config.failPercent}`,
    '',
  ].join('\n');
}
