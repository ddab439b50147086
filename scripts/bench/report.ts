// Report benchmark: the deployment report of a 100,000-event journal (issue #6 budgets 300 ms).
// The journal is shaped like a long fleet run: thousands of per-host action attempts (some failing
// and retried), their process events, checklist ticks and automatic checks, and a monitor window
// every few seconds with alert changes. Timed: rendering from events in memory (the pure function
// every surface calls) and the whole CLI path (read and hash-check the file, then render).
// The coordinator's scripts/bench.ts calls benchReport(); `npx tsx scripts/bench/report.ts` prints.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeEvent, GENESIS_HASH } from '../../electron/core/journal/journal-line';
import { readJournal } from '../../electron/core/journal/journal-reader';
import { renderReport } from '../../shared/report/render-report';
import { reportData } from '../../shared/report/report-data';
import type { RunEvent } from '../../shared/runs/run-event';
import type { PlannedStep } from '../../shared/runs/run-events';

const TOTAL = 100_000;
const STEPS = 10;
const ACTIONS_PER_STEP = 1_500;
const ITEMS_PER_STEP = 40;
const BUDGET_MS = 300;

interface Draft {
  type: string;
  data: Record<string, unknown>;
}

function plannedSteps(): PlannedStep[] {
  return Array.from({ length: STEPS }, (_, s) => ({
    id: `step-${s}`,
    title: `Step ${s}: roll out batch ${s}`,
    owner: 'devops',
    actions: Array.from({ length: ACTIONS_PER_STEP }, (_, a) => ({
      key: `step-${s}.${a + 1}`,
      type: a % 3 === 0 ? 'ssh' : 'docker',
      title: `docker compose up -d on web-${a % 500}.prod.internal`,
    })),
    items: Array.from({ length: ITEMS_PER_STEP }, (_, i) => ({
      key: `step-${s}.item-${i}`,
      text: `Batch ${s} check ${i}: error budget intact`,
      checklist: `Batch ${s} checks`,
      gate: (s % 4) + 1,
      before: i % 2 === 0,
      automatic: i % 4 === 0,
    })),
    approvals: s % 3 === 0 ? ['qa'] : [],
  }));
}

/** The events of the fleet run, in the order the executor would journal them. */
function drafts(): Draft[] {
  const steps = plannedSteps();
  const out: Draft[] = [
    {
      type: 'run.started',
      data: {
        runId: 'bench-100k',
        project: 'fleet',
        projectPath: '/srv/fleet',
        runbook: 'fleet',
        runbookTitle: 'Fleet rollout',
        environment: 'production',
        protected: true,
        version: 'v9.0.0',
        strategy: 'rolling',
        operator: { by: 'Ada Lovelace', role: 'devops' },
        roles: { devops: 'DevOps Engineer', qa: 'QA Lead' },
        steps,
        exitCriteria: [],
        rollback: { id: '@rollback', title: 'Rollback', owner: 'devops', actions: [], items: [], approvals: [] },
      },
    },
    {
      type: 'monitor.started',
      data: { source: 'probes', target: 'https://fleet.example.com/health', ratePerSecond: 10 },
    },
  ];
  const phases = ['before', 'during', 'after'];
  let windowNo = 0;
  const monitorWindow = () => {
    const phase = phases[Math.min(2, Math.floor((windowNo / 3000) * 3))]!;
    windowNo += 1;
    out.push({
      type: 'monitor.window',
      data: {
        source: 'probes',
        phase,
        from: new Date(Date.UTC(2026, 10, 1, 9) + windowNo * 5000).toISOString(),
        to: new Date(Date.UTC(2026, 10, 1, 9) + windowNo * 5000 + 5000).toISOString(),
        metrics: {
          requests: 50,
          failures: windowNo % 97 === 0 ? 1 : 0,
          errorRate: 0,
          availability: 1,
          p50: 40,
          p95: 150,
          p99: 210,
          throughput: 10,
        },
        versions: { 'v8.9.0': 25, 'v9.0.0': 25 },
      },
    });
    if (windowNo % 50 === 0)
      out.push({
        type: 'alert.changed',
        data: {
          rule: 'p95',
          condition: 'p95_latency > 2s',
          state: windowNo % 100 === 0 ? 'ok' : 'pending',
          value: 1.8,
          severity: 'warning',
          action: 'notify',
        },
      });
  };
  for (const step of steps) {
    out.push({ type: 'step.started', data: { step: step.id } });
    for (const item of step.items) {
      if (item.automatic) {
        out.push({ type: 'check.started', data: { item: item.key, check: 'http' } });
        out.push({ type: 'check.finished', data: { item: item.key, ok: true, message: 'HTTP 200 in 31 ms' } });
        out.push({ type: 'checklist.ticked', data: { item: item.key, by: 'automatic check', auto: true, ok: true } });
      } else {
        out.push({
          type: 'checklist.ticked',
          data: { item: item.key, by: 'Grace Hopper', role: 'qa', note: `batch looks fine | ${item.key}` },
        });
      }
    }
    for (const [index, action] of step.actions.entries()) {
      const attempts = index % 20 === 7 ? 2 : 1;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const base = { step: step.id, action: action.key };
        out.push({
          type: 'action.started',
          data: {
            ...base,
            type: action.type,
            title: action.title,
            attempt,
            plan: { argv: ['docker', 'compose', 'up', '-d'], host: `web-${index % 500}` },
          },
        });
        out.push({ type: 'process.started', data: { ...base, host: `web-${index % 500}`, pid: 1000 + index } });
        if (attempt < attempts)
          out.push({
            type: 'action.failed',
            data: {
              ...base,
              durationMs: 2100,
              attempt,
              error: { code: 'exit-status', message: 'exited with 1' },
              tail: ['Error: container name already in use', 'retrying'],
            },
          });
        else out.push({ type: 'action.passed', data: { ...base, durationMs: 900 + (index % 400) } });
      }
      if (index % 2 === 0) monitorWindow();
    }
    out.push({ type: 'step.passed', data: { step: step.id } });
  }
  // Watch after the last batch until the journal holds its 100,000 events.
  while (out.length < TOTAL - 2) monitorWindow();
  out.push({ type: 'monitor.stopped', data: { source: 'probes', reason: 'watch window over' } });
  out.push({ type: 'run.finished', data: { status: 'succeeded' } });
  return out.slice(0, TOTAL);
}

/** Encodes the run as real journal lines (hash chain included) and returns them with the events. */
function buildJournal(): { events: RunEvent[]; text: string } {
  const start = Date.UTC(2026, 10, 1, 9);
  let prev = GENESIS_HASH;
  const events: RunEvent[] = [];
  const lines: string[] = [];
  for (const [index, draft] of drafts().entries()) {
    const at = new Date(start + index * 250).toISOString();
    const { line, hash, event } = encodeEvent({ seq: index + 1, at, type: draft.type, data: draft.data, prev });
    prev = hash;
    lines.push(line);
    events.push(event);
  }
  return { events, text: `${lines.join('\n')}\n` };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median and best of several runs after a warm-up: the best shows the cost on a quiet machine. */
function time(fn: () => unknown, runs: number): { median: number; best: number } {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return { median: median(samples), best: Math.min(...samples) };
}

export async function benchReport(): Promise<Record<string, string | number>> {
  const { events, text } = buildJournal();
  const dir = mkdtempSync(join(process.env.RP_BENCH_DIR ?? tmpdir(), 'rp-bench-report-'));
  try {
    const file = join(dir, 'journal.ndjson');
    writeFileSync(file, text);
    const markdown = renderReport(events);
    const render = time(() => renderReport(events), 7);
    const data = time(() => reportData(events), 7);
    const fromFile: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const read = await readJournal(file);
      renderReport(read.events);
      fromFile.push(performance.now() - started);
    }
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
    return {
      'report journal events': events.length,
      'report journal mix (top 5)': top.map(([type, n]) => `${type} ${n}`).join(', '),
      'report markdown size': `${(markdown.length / 1024 / 1024).toFixed(1)} MB, ${markdown.split('\n').length} lines`,
      'report data (JSON model) ms, median / best of 7': `${Math.round(data.median)} / ${Math.round(data.best)}`,
      'report render 100k events ms, median / best of 7': `${Math.round(render.median)} / ${Math.round(render.best)}`,
      [`report render goal ≤ ${BUDGET_MS} ms (median)`]: render.median <= BUDGET_MS ? 'met' : 'NOT met',
      'report read+verify+render file ms, median of 3': Math.round(median(fromFile)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchReport();
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(44)} ${value}`);
}
