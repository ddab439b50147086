import { formatMetricValue } from '../../../shared/monitor/format-metric';
import type { RunEventData } from '../../../shared/runs/run-events';
import type { RevertCheck, StrategyContext } from '../deploy/deploy-strategy';
import { servingStreak } from './answer-streak';
import { AlertRollbackError, type RunMonitorHandle } from './deployment-session';
import type { ExecutorContext } from './executor-context';
import type { ToolIO } from './run-tools';

// A revert is verified by what it changed (DeployStrategy.revertCheck): a proxy switch or a host
// redeploy by the app serving again (and by the version answering, where the environment names a
// version source: most apps send none, and waiting for a header that never comes would call every
// good rollback failed); a feature flag by the flag read back and the errors it caused stopping
// (the code is still the new version, so no version could show it).

export type RollbackVerdict = RunEventData['rollback.verified'];

/** How long the reverted deployment may take to show it serves again. */
const verifyTimeoutMs = 30_000;

export async function checkRevert(
  ctx: ExecutorContext,
  check: RevertCheck,
  strategyCtx: StrategyContext,
  io: ToolIO,
): Promise<RollbackVerdict> {
  const monitor = ctx.deployment.monitor();
  if (check.kind === 'flag') return await checkFlag(ctx, check, strategyCtx, io, monitor);
  return await checkServing(ctx, strategyCtx.previousVersion, monitor);
}

async function checkServing(
  ctx: ExecutorContext,
  previous: string | undefined,
  monitor: RunMonitorHandle | undefined,
): Promise<RollbackVerdict> {
  const url = monitor?.servingUrl;
  if (!monitor || !url) {
    return { by: 'none', ok: true, detail: 'not checked: nothing to probe (set urls.health or monitoring.probes.url)' };
  }
  const seconds = verifyTimeoutMs / 1000;
  if (monitor.versionSource && previous) {
    const seen = await monitor.awaitServing(previous, verifyTimeoutMs, ctx.signal);
    return seen.ok
      ? {
          by: 'version',
          ok: true,
          detail: `${previous} answered ${url} ${seen.streak} times in a row (${monitor.versionSource})`,
        }
      : {
          by: 'version',
          ok: false,
          detail: `${previous} did not answer ${url} ${servingStreak} times in a row within ${seconds} s of the revert (last: ${seen.last ?? 'no answer'}; version from ${monitor.versionSource})`,
        };
  }
  const unconfirmed = monitor.versionSource ? 'the version before is unknown' : 'no version source';
  const seen = await monitor.awaitServing(undefined, verifyTimeoutMs, ctx.signal);
  return seen.ok
    ? {
        by: 'health',
        ok: true,
        detail: `${url} answered healthy ${seen.streak} times in a row; version not confirmed (${unconfirmed})`,
      }
    : {
        by: 'health',
        ok: false,
        detail: `${url} did not answer healthy ${servingStreak} times in a row within ${seconds} s of the revert (last: ${seen.last ?? 'no answer'})`,
      };
}

async function checkFlag(
  ctx: ExecutorContext,
  check: Extract<RevertCheck, { kind: 'flag' }>,
  strategyCtx: StrategyContext,
  io: ToolIO,
  monitor: RunMonitorHandle | undefined,
): Promise<RollbackVerdict> {
  const flags = strategyCtx.flags;
  if (!flags) return { by: 'flag', ok: false, detail: `flag ${check.flag}: no flag provider to read it back from` };
  let read: number | undefined;
  try {
    read = await flags.get(check.flag, io);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { by: 'flag', ok: false, detail: `flag ${check.flag} could not be read back from ${flags.where}: ${why}` };
  }
  const state = `flag ${check.flag} reads ${check.percentage} % in ${flags.where}`;
  if (read !== check.percentage) {
    const found = read === undefined ? 'is not set' : `reads ${read} %`;
    return {
      by: 'flag',
      ok: false,
      detail: `flag ${check.flag} ${found} in ${flags.where}, not ${check.percentage} %`,
    };
  }
  const fired = firedRule(ctx);
  if (!fired) return { by: 'flag', ok: true, detail: `${state}; no rule had fired` };
  const quiet = await monitor?.ruleQuiet(fired.rule, verifyTimeoutMs, ctx.signal);
  if (!quiet) return { by: 'flag', ok: true, detail: `${state}; rule "${fired.rule}" not measured (no probes)` };
  const shown = quiet.value === undefined ? undefined : formatMetricValue(fired.condition, quiet.value);
  if (quiet.quiet) {
    return {
      by: 'flag',
      ok: true,
      detail: `${state}; rule "${fired.rule}" is back under its threshold (${shown} over ${quiet.samples} probes since the revert)`,
    };
  }
  if (shown === undefined) {
    return { by: 'flag', ok: true, detail: `${state}; rule "${fired.rule}" not measured since the revert` };
  }
  return {
    by: 'flag',
    ok: false,
    detail: `${state}, but rule "${fired.rule}" (${fired.condition}) is still over its threshold ${verifyTimeoutMs / 1000} s after the revert (${shown} over ${quiet.samples} probes since)`,
  };
}

/** The rollback rule whose firing started this rollback, if one did. */
function firedRule(ctx: ExecutorContext): { rule: string; condition: string } | undefined {
  const reason: unknown = ctx.deployment.alert.reason;
  if (!ctx.deployment.alert.aborted || !(reason instanceof AlertRollbackError)) return undefined;
  const rule = String(reason.details.rule);
  const spec = ctx.runbook.alerts.find((a) => a.name === rule);
  return spec ? { rule, condition: spec.condition } : undefined;
}
