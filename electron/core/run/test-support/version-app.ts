import { createDockerClient } from '../../docker/docker-client';
import { buildBusyboxImage } from '../../test-lab/busybox-image';

// The busybox web app the recreate and blue-green run labs deploy: /health always answers, and
// /cgi-bin/version answers its version, or a 500 for `failPercent` % of requests (a bad release).

/** The CGI script behind /cgi-bin/version. */
function versionScript(version: string, failPercent: number): string {
  return [
    '#!/bin/sh',
    `if [ $((RANDOM % 100)) -lt ${failPercent} ]; then`,
    '  printf "Status: 500 Internal Server Error\\r\\nContent-Type: text/plain\\r\\n\\r\\nfailed\\n"',
    'else',
    `  printf "Content-Type: text/plain\\r\\n\\r\\n${version}\\n"`,
    'fi',
    '',
  ].join('\n');
}

/** Builds `<image>:<version>`; `failPercent` 0 never fails. */
export async function buildVersionApp(image: string, version: string, failPercent = 0): Promise<void> {
  await buildBusyboxImage(createDockerClient({ via: 'local' }), {
    tag: `${image}:${version}`,
    files: { '/www/health': 'ok', '/www/cgi-bin/version': versionScript(version, failPercent) },
    cmd: ['httpd', '-f', '-p', '80', '-h', '/www'],
  });
}

/** One environment `prod` running the app in `container` on 127.0.0.1:`port`, probed on /cgi-bin/version. */
export function versionAppEnvironment(options: {
  image: string;
  container: string;
  port: number;
  lockDir: string;
  /** Probes a second; 40 unless given. */
  rate?: number;
  /** 30s unless given. */
  healthTimeout?: string;
  protected?: boolean;
}): string {
  const { image, container, port } = options;
  return `
environments:
  prod:${options.protected ? '\n    protected: true' : ''}
    lockDir: ${options.lockDir}
    app: { image: ${image}, container: ${container}, ports: ["127.0.0.1:${port}:80"], healthPath: /health }
    urls: { health: "http://127.0.0.1:${port}/health" }
    deploy: { healthTimeout: ${options.healthTimeout ?? '30s'} }
    monitoring:
      probes: { url: "http://127.0.0.1:${port}/cgi-bin/version", rate: ${options.rate ?? 40}, version: body, window: 2s, baseline: 0s }
`;
}

/** What the app on `port` answers on /cgi-bin/version. */
export async function answeredVersion(port: number): Promise<string> {
  return (await (await fetch(`http://127.0.0.1:${port}/cgi-bin/version`)).text()).trim();
}
