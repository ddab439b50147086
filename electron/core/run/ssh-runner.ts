import type { PlanOf } from '../../../shared/plans/action-plan';
import { lineSplitter } from '../lib/line-splitter';
import { runOnHosts } from '../ssh/fan-out';
import { CommandFailedError } from '../ssh/ssh-errors';
import { exec } from '../ssh/ssh-exec';
import { upload } from '../ssh/ssh-upload';
import type { ToolIO } from './run-tools';
import type { TargetHosts } from './target-hosts';

// SSH plans over the run's pooled connections, in parallel up to the plan's concurrency. Every
// host's output is attributed to it; the action fails if any host failed, naming each.

function failWith(outcomes: Array<{ host: string; status: string; error?: unknown }>): never {
  const failed = outcomes.filter((o) => o.status === 'rejected');
  const reasons = failed.map((o) => `${o.host}: ${(o.error as Error)?.message ?? String(o.error)}`);
  const code = (failed[0]?.error as { code?: string } | undefined)?.code ?? 'command-failed';
  throw Object.assign(new Error(`${failed.length} of ${outcomes.length} hosts failed — ${reasons.join('; ')}`), {
    code,
  });
}

export async function runSshExec(plan: PlanOf<'ssh.exec'>, hosts: TargetHosts, io: ToolIO): Promise<unknown> {
  const outcomes = await runOnHosts(
    plan.hosts,
    async (host) => {
      const conn = await hosts.connection(host);
      const out = lineSplitter((line) => io.output(host, 'stdout', line));
      const err = lineSplitter((line) => io.output(host, 'stderr', line));
      try {
        const result = await exec(conn, plan.argv, {
          onProcessGroup: (pgid) => io.started?.(host, pgid),
          cwd: plan.cwd,
          env: plan.env,
          signal: io.signal,
          timeoutMs: plan.timeoutMs,
          onStdout: out,
          onStderr: err,
        });
        out.flush();
        err.flush();
        if (result.exitCode !== 0)
          throw new CommandFailedError(
            conn.label,
            plan.argv.join(' '),
            result.exitCode,
            result.signal,
            result.stderrTail,
          );
        return { exitCode: result.exitCode, durationMs: result.durationMs };
      } finally {
        out.flush();
        err.flush();
      }
    },
    { concurrency: plan.concurrency, signal: io.signal },
  );
  if (outcomes.some((o) => o.status === 'rejected')) failWith(outcomes);
  return Object.fromEntries(outcomes.map((o) => [o.host, o.status === 'fulfilled' ? o.value : undefined]));
}

export async function runSshUpload(plan: PlanOf<'ssh.upload'>, hosts: TargetHosts, io: ToolIO): Promise<unknown> {
  const mode = plan.mode ? Number.parseInt(plan.mode, 8) : undefined;
  const outcomes = await runOnHosts(
    plan.hosts,
    async (host) => {
      const result = await upload(await hosts.connection(host), { path: plan.from }, plan.to, { mode });
      io.output(host, 'info', `uploaded ${plan.from} → ${result.remotePath} (${result.bytes} bytes)`);
      return result;
    },
    { concurrency: plan.concurrency, signal: io.signal },
  );
  if (outcomes.some((o) => o.status === 'rejected')) failWith(outcomes);
  return Object.fromEntries(outcomes.map((o) => [o.host, o.status === 'fulfilled' ? o.value.bytes : undefined]));
}
