// An action's plan: what it will do, as data, with every variable already resolved. Shown in dry
// runs and the UI before anything runs, journaled in `action.started`, then executed by one runner
// per tool. Nothing here is a shell string: commands are argv arrays; the SSH layer quotes them.

export interface HostTarget {
  /** `local` for this machine's Docker engine or DOCKER_HOST; host names for the environment's hosts. */
  hosts: string[];
  via: 'local' | 'env' | 'ssh';
}

export type ActionPlan =
  | { kind: 'local-command'; argv: string[]; cwd: string; env: Record<string, string>; timeoutMs?: number }
  | { kind: 'manual'; instructions: string }
  | { kind: 'git.fetch'; repo: string; remote: string }
  | { kind: 'git.resolve'; repo: string; ref: string }
  | { kind: 'git.checkout'; repo: string; ref: string }
  | { kind: 'git.verify-clean'; repo: string }
  | { kind: 'git.tag'; repo: string; name: string; message?: string; push: boolean; remote: string }
  | { kind: 'git.log'; repo: string; from?: string; to: string }
  | ({
      kind: 'docker.build';
      context: string;
      dockerfile?: string;
      tags: string[];
      buildArgs: Record<string, string>;
    } & HostTarget)
  | ({ kind: 'docker.tag'; source: string; target: string } & HostTarget)
  | ({
      kind: 'docker.run';
      name: string;
      image: string;
      ports: string[];
      env: Record<string, string>;
      labels: Record<string, string>;
      cmd?: string[];
      replace: boolean;
      healthcheck?: { test: string[]; intervalMs: number; timeoutMs: number; retries: number };
      network?: string;
    } & HostTarget)
  | ({ kind: 'docker.wait-healthy'; container: string; timeoutMs: number } & HostTarget)
  | ({ kind: 'docker.stop'; container: string } & HostTarget)
  | ({ kind: 'docker.remove'; container: string } & HostTarget)
  | ({ kind: 'docker.logs'; container: string; tail: number } & HostTarget)
  | ({ kind: 'docker.exec'; container: string; argv: string[] } & HostTarget)
  | ({ kind: 'docker.list'; label?: string } & HostTarget)
  | { kind: 'docker.compose'; cwd: string; files: string[]; projectName?: string; args: string[] }
  | {
      kind: 'ssh.exec';
      hosts: string[];
      argv: string[];
      cwd?: string;
      env: Record<string, string>;
      concurrency: number;
      timeoutMs?: number;
    }
  | { kind: 'ssh.upload'; hosts: string[]; from: string; to: string; mode?: string; concurrency: number }
  | {
      kind: 'http.check';
      url: string;
      method: string;
      headers: Record<string, string>;
      body?: string;
      expectStatus?: number[];
      expectBodyContains?: string;
      maxLatencyMs?: number;
      attempts: number;
      intervalMs: number;
      timeoutMs: number;
    }
  | { kind: 'deploy'; strategy: string; version: string; previousVersion?: string; image?: string }
  | { kind: 'watch'; durationMs: number };

export type ActionPlanKind = ActionPlan['kind'];
export type PlanOf<K extends ActionPlanKind> = Extract<ActionPlan, { kind: K }>;
