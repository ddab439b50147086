import { describe, expect, it } from 'vitest';
import { DockerPlanError } from './docker-errors';
import {
  planBuild,
  planExec,
  planRemove,
  planRunContainer,
  planStop,
  planTag,
  splitImageRef,
  versionLabel,
} from './docker-plans';

describe('planRunContainer', () => {
  it('turns a spec into the create body: Init, ports, env, labels with the version, health check in ns', () => {
    const plan = planRunContainer({
      name: 'web-green',
      image: 'shop/web:1.4.2',
      ports: ['8080:80', '127.0.0.1:9090:9090/udp', '127.0.0.1::443'],
      env: { NODE_ENV: 'production' },
      labels: { team: 'shop' },
      version: '1.4.2',
      cmd: ['node', 'server.js'],
      replace: true,
      healthcheck: {
        test: ['CMD', 'wget', '-q', 'http://127.0.0.1/health'],
        intervalMs: 500,
        timeoutMs: 2000,
        retries: 3,
      },
      network: 'shop-net',
      restart: 'unless-stopped',
    });
    expect(plan.replace).toBe(true);
    expect(plan.create).toEqual({
      name: 'web-green',
      Image: 'shop/web:1.4.2',
      Labels: { team: 'shop', [versionLabel]: '1.4.2' },
      Env: ['NODE_ENV=production'],
      ExposedPorts: { '80/tcp': {}, '9090/udp': {}, '443/tcp': {} },
      HostConfig: {
        Init: true,
        PortBindings: {
          '80/tcp': [{ HostPort: '8080' }],
          '9090/udp': [{ HostIp: '127.0.0.1', HostPort: '9090' }],
          '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
        },
        RestartPolicy: { Name: 'unless-stopped' },
        NetworkMode: 'shop-net',
      },
      Cmd: ['node', 'server.js'],
      Healthcheck: {
        Test: ['CMD', 'wget', '-q', 'http://127.0.0.1/health'],
        Interval: 500_000_000,
        Timeout: 2_000_000_000,
        Retries: 3,
      },
    });
    expect(plan.summary).toMatch(/^docker rm -f web-green && docker run -d --init --name web-green -p 8080:80 /);
    expect(plan.summary).toContain(`--label ${versionLabel}=1.4.2`);
  });

  it('keeps a minimal spec minimal', () => {
    const plan = planRunContainer({ name: 'w', image: 'web' });
    expect(plan.create).toEqual({
      name: 'w',
      Image: 'web',
      Labels: {},
      Env: [],
      ExposedPorts: {},
      HostConfig: { Init: true, PortBindings: {} },
    });
    expect(plan.summary).toBe('docker run -d --init --name w web');
  });

  it.each([
    [{ ports: ['8080:0'] }, /^ports\[0\]: "8080:0" is not a port mapping/],
    [{ ports: ['8080:80', 'http:80'] }, /^ports\[1\]: "http:80"/],
    [{ ports: ['70000:80'] }, /^ports\[0\]/],
    [{ name: 'web green' }, /^name: "web green" is not a container name/],
    [{ image: 'Shop/Web' }, /^image: "Shop\/Web" is not an image reference/],
    [
      { healthcheck: { test: ['wget'], intervalMs: 1, timeoutMs: 1, retries: 1 } },
      /^healthcheck\.test: must start with "CMD"/,
    ],
  ])('refuses %j naming the field', (patch, message) => {
    expect(() => planRunContainer({ name: 'web', image: 'web:1', ...patch })).toThrow(message);
    expect(() => planRunContainer({ name: 'web', image: 'web:1', ...patch })).toThrow(DockerPlanError);
  });
});

describe('other plans', () => {
  it('build: query and CLI summary', () => {
    const plan = planBuild({
      context: '/src/app',
      tags: ['app:1', 'app:latest'],
      buildArgs: { V: '1' },
      labels: { a: 'b' },
    });
    expect(plan.query).toEqual({
      t: ['app:1', 'app:latest'],
      dockerfile: 'Dockerfile',
      rm: true,
      forcerm: true,
      nocache: false,
      buildargs: { V: '1' },
      labels: { a: 'b' },
    });
    expect(plan.summary).toBe('docker build -f Dockerfile -t app:1 -t app:latest --build-arg V=1 --label a=b /src/app');
    expect(() => planBuild({ context: '/x', tags: [] })).toThrow(/^tags: at least one tag/);
  });

  it('tag: splits repo and tag, registry ports included', () => {
    expect(planTag('app:1', 'registry:5000/shop/app:1.2')).toMatchObject({
      repo: 'registry:5000/shop/app',
      tag: '1.2',
    });
    expect(splitImageRef('t', 'registry:5000/app')).toEqual({ repo: 'registry:5000/app', tag: 'latest' });
    expect(() => planTag('app:1', 'app:')).toThrow(/^target: "app:"/);
  });

  it('exec, stop, remove', () => {
    const exec = planExec('web', ['sh', '-c', 'echo $A'], { env: { A: '1' }, workdir: '/app' });
    expect(exec.create).toEqual({
      Cmd: ['sh', '-c', 'echo $A'],
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      Env: ['A=1'],
      WorkingDir: '/app',
    });
    expect(exec.summary).toBe("docker exec -e A=1 -w /app web sh -c 'echo $A'");
    expect(() => planExec('web', [])).toThrow(/^argv: /);
    expect(planStop('web', 3).summary).toBe('docker stop -t 3 web');
    expect(planRemove('web', true)).toMatchObject({ force: true, summary: 'docker rm -f web' });
  });
});
