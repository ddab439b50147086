import { describe, expect, it } from 'vitest';
import { validateEnvironmentsSource } from './load-environments';
import { parseYamlSource } from './yaml-source';

const broken = `environments:
  staging:
    requires: [qa]
    hosts:
      - name: web-1
        address: 10.0.0.1
        port: 70000
      - name: web-2
        address: 10.0.0.2
        hostKey: SHA256:abc
    docker: { via: carrier-pigeon }
    urls:
      health: not a url
  Prod:
    protected: yes please
`;

function problemsOf(text: string) {
  return validateEnvironmentsSource(parseYamlSource(text, 'environments.yml')).problems.map(
    (p) => `${p.line}:${p.column} ${p.severity} ${p.field}: ${p.message}`,
  );
}

describe('environment problems, all at once with positions', () => {
  it('reports a host without a pinned key, a bad port, a bad URL, a bad docker access and a bad name', () => {
    expect(problemsOf(broken)).toEqual([
      '3:16 warning environments.staging.requires[0]: environment "qa" is not defined in this file (defined: staging, Prod)',
      '5:9 error environments.staging.hosts[0]: pin the host key (hostKey: SHA256:…) or name a knownHosts file, so a changed key is caught',
      '7:15 error environments.staging.hosts[0].port: must be at most 65535, found 70000',
      '10:18 error environments.staging.hosts[1].hostKey: "SHA256:abc": write the fingerprint as SHA256:<43 base64 characters>',
      '11:20 error environments.staging.docker.via: "carrier-pigeon" is not a known via; use one of: local, env, ssh',
      '13:15 error environments.staging.urls.health: "not a url": write a full http:// or https:// URL, e.g. http://127.0.0.1:8080/health',
      '14:3 error environments.Prod: "Prod" is not a valid name: environment names are lower-case words',
      '15:16 error environments.Prod.protected: expected true or false, found "yes please"',
    ]);
  });

  it('gives valid environments their names and defaults', () => {
    const loaded = validateEnvironmentsSource(
      parseYamlSource(
        'environments:\n  staging:\n    app: { image: web, container: web }\n    urls: { health: http://127.0.0.1:8080/health }\n',
        'environments.yml',
      ),
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.environments?.staging).toMatchObject({
      name: 'staging',
      protected: false,
      docker: { via: 'local', socket: '/var/run/docker.sock' },
      app: { image: 'web', container: 'web', ports: [], healthPath: '/health' },
      concurrency: 10,
      staleLockAfter: 7_200_000,
    });
  });

  it('reports an environments: key that is not a mapping, and a missing one', () => {
    expect(problemsOf('environments: [staging]\n')).toEqual([
      '1:15 error environments: expected a mapping, found a list',
    ]);
    expect(problemsOf('staging: {}\n')).toEqual([
      '1:1 error environments: missing required field `environments`',
      '1:1 error staging: unknown field `staging`; known fields: project, versions, environments',
    ]);
  });
});
