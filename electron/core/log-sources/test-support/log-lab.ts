import type { LabHost } from '../../test-lab/sshd-lab';

/** One `hosts:` entry of environments.yml for a lab host, with absolute key paths (no copy needed). */
export function labHostYaml(host: LabHost, name: string, options: { port?: number; indent?: string } = {}): string {
  const pad = options.indent ?? '      ';
  return [
    `${pad}- name: ${name}`,
    `${pad}  address: 127.0.0.1`,
    `${pad}  port: ${options.port ?? host.port}`,
    `${pad}  user: ${host.user ?? 'root'}`,
    `${pad}  identityFile: ${host.identityFile}`,
    `${pad}  hostKey: "${host.fingerprint}"`,
  ].join('\n');
}
