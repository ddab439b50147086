import { describe, expect, it } from 'vitest';
import { planCompose } from '../docker/compose';
import { planRunContainer, planTag } from '../docker/docker-plans';
import { validateEnvironmentsSource } from './load-environments';
import { validateRunbookSource } from './load-runbook';
import { parseYamlSource } from './yaml-source';

// What the docker runner refuses, `validate` refuses first: each case below is one input the
// runner throws on (checked here on the runner's own planner), and the runbook that carries it is
// refused at the field's line:column with the runner's words. Before, each passed validate.

const head = `id: web
title: Web release
roles: { devops: DevOps Engineer }
steps:
  - id: deploy
    title: Deploy
    owner: devops
    actions:
`;

function problemsOf(action: string) {
  const loaded = validateRunbookSource(parseYamlSource(`${head}      - ${action}\n`, 'runbook.yml'), 'runbook');
  return loaded.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.field}: ${p.message}`);
}

const runSpec = { name: 'web', image: 'web:1.0.0' };

describe('validate refuses what the docker runner refuses', () => {
  it('a docker.run healthcheck test written as a bare argv list', () => {
    const runtime = () =>
      planRunContainer({ ...runSpec, healthcheck: { test: ['wget', '-q'], intervalMs: 1, timeoutMs: 1, retries: 1 } });
    expect(runtime).toThrow(/^healthcheck\.test: must start with "CMD"/);
    expect(problemsOf('{ type: docker.run, name: web, image: "web:1", healthcheck: { test: [wget, -q] } }')).toEqual([
      '9:77 error steps[0].actions[0].healthcheck.test: must start with "CMD" (then the argv, e.g. ["CMD", "wget", "-q", "-O-", "http://127.0.0.1/health"]), "CMD-SHELL" (then one shell command) or "NONE" (Docker API form)',
    ]);
    expect(
      problemsOf('{ type: docker.run, name: web, image: "web:1", healthcheck: { test: [CMD, wget, -q] } }'),
    ).toEqual([]);
  });

  it('a container name, an image reference, a port mapping and a compose project name the runner cannot use', () => {
    expect(() => planRunContainer({ ...runSpec, name: 'web app' })).toThrow('name: "web app" is not a container name');
    expect(problemsOf('{ type: docker.run, name: web app, image: "web:1" }')).toEqual([
      '9:35 error steps[0].actions[0].name: "web app" is not a container name (letters, digits, _ . -)',
    ]);
    expect(() => planTag('Web:1', 'web:2')).toThrow('source: "Web:1" is not an image reference');
    expect(problemsOf('{ type: docker.tag, source: "Web:1", target: "web:2" }')).toEqual([
      '9:37 error steps[0].actions[0].source: "Web:1" is not an image reference (lowercase name[:tag], e.g. "web:1.4.2")',
    ]);
    expect(() => planRunContainer({ ...runSpec, ports: ['70000:80'] })).toThrow('is not a port mapping');
    expect(() => planRunContainer({ ...runSpec, ports: ['8080:0'] })).toThrow('is not a port mapping');
    expect(problemsOf('{ type: docker.run, name: web, image: "web:1", ports: ["70000:80", "8080:0"] }')).toEqual([
      '9:64 error steps[0].actions[0].ports[0]: a port mapping such as "8080:80", "127.0.0.1:8080:80" or "8080:80/udp" (ports 1–65535)',
      '9:76 error steps[0].actions[0].ports[1]: a port mapping such as "8080:80", "127.0.0.1:8080:80" or "8080:80/udp" (ports 1–65535)',
    ]);
    expect(() => planCompose({ args: ['up'], projectName: 'Shop' }, ['docker', 'compose'])).toThrow(
      'projectName: "Shop" must be lowercase',
    );
    expect(problemsOf('{ type: docker.compose, projectName: Shop, args: [up] }')).toEqual([
      '9:46 error steps[0].actions[0].projectName: "Shop" must be lowercase letters, digits, - and _',
    ]);
  });

  it('an environment app image the runner cannot run', () => {
    expect(() => planRunContainer({ ...runSpec, image: 'Shop/Web:v1' })).toThrow(
      'image: "Shop/Web:v1" is not an image',
    );
    const text = 'environments:\n  staging:\n    app: { image: Shop/Web, container: web, ports: ["80"] }\n';
    const problems = validateEnvironmentsSource(parseYamlSource(text, 'environments.yml')).problems;
    expect(problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.field}: ${p.message}`)).toEqual([
      '3:19 error environments.staging.app.image: "Shop/Web" is not an image reference (lowercase name[:tag], e.g. "web:1.4.2")',
    ]);
  });

  it('accepts what the runner accepts: ${…} checked once resolved, any free host port', () => {
    expect(planRunContainer({ ...runSpec, ports: ['127.0.0.1::80', '81'] }).create.HostConfig?.PortBindings).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
      '81/tcp': [{ HostPort: '' }],
    });
    expect(
      problemsOf(
        '{ type: docker.run, name: "web-${version}", image: "shop/web:${version}", ports: ["127.0.0.1::80", "81"] }',
      ),
    ).toEqual([]);
  });
});
