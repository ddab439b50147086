import { pathToFileURL } from 'node:url';
import { silentLogger } from '../../electron/core/logging/logger';
import { createNotifier } from '../../electron/core/notify/notifier';
import { startReceiver } from '../../electron/core/notify/test-receiver';
import { envSecrets } from '../../electron/core/secrets/env-secrets';
import { NotificationsFile } from '../../shared/formats/notifications-schema';
import type { RunEvent } from '../../shared/runs/run-event';
import { applyRunEvent, emptyRunState } from '../../shared/runs/run-state';

// What notifications cost a run: the time `listen` takes inside the recorder's emit (the run waits
// for it), how soon a message reaches a loopback receiver, and how long `flush` holds a run whose
// receiver never answers (it must stay at its bound).

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

const started = {
  runId: 'bench',
  project: 'shop',
  projectPath: '/srv/shop',
  runbook: 'default',
  runbookTitle: 'Bench',
  environment: 'production',
  protected: false,
  version: 'v1',
  operator: { by: 'bench' },
  roles: {},
  steps: Array.from({ length: 20 }, (_, i) => ({
    id: `step-${i}`,
    title: `Step ${i}`,
    owner: 'ops',
    actions: [{ key: `step-${i}/0`, type: 'shell', title: 'work' }],
    items: [],
    approvals: ['qa'],
  })),
  exitCriteria: [],
  rollback: { id: '@rollback', title: 'Rollback', owner: 'ops', actions: [], items: [], approvals: [] },
};

export async function benchNotify(): Promise<Record<string, string | number>> {
  // listen runs inside the recorder's emit: it must only queue, however the receivers answer.
  const slow = await startReceiver(() => ({ status: 200, body: 'ok' }));
  const hanging = await startReceiver(() => 'hang');
  try {
    const config = NotificationsFile.parse({
      channels: [
        { name: 'slack', kind: 'slack', url: `${slow.url}/s` },
        { name: 'teams', kind: 'teams', url: `${slow.url}/t` },
        { name: 'hook', kind: 'webhook', url: `${slow.url}/h` },
      ],
    });
    const notifier = createNotifier({ config, secrets: envSecrets({}), emit: () => undefined, logger: silentLogger });
    const state = emptyRunState('bench');
    const listenUs: number[] = [];
    const events: Array<[string, unknown]> = [['run.started', started]];
    for (let i = 0; i < 20; i++) events.push(['step.waiting', { step: `step-${i}`, items: [], approvals: ['qa'] }]);
    events.push(['run.finished', { status: 'succeeded' }]);
    events.forEach(([type, data], i) => {
      const event: RunEvent = { seq: i + 1, at: new Date().toISOString(), type, data: data as never };
      applyRunEvent(state, event);
      const start = performance.now();
      notifier.listen(event, state);
      listenUs.push((performance.now() - start) * 1000);
    });
    const flushStart = performance.now();
    const stats = await notifier.flush(30_000);
    const drainMs = performance.now() - flushStart;

    const stuck = createNotifier({
      config: NotificationsFile.parse({ channels: [{ name: 'stuck', kind: 'webhook', url: `${hanging.url}/x` }] }),
      secrets: envSecrets({}),
      emit: () => undefined,
      logger: silentLogger,
    });
    const one: RunEvent = { seq: 1, at: new Date().toISOString(), type: 'run.started', data: started as never };
    stuck.listen(one, state);
    const boundStart = performance.now();
    await stuck.flush(1000);
    const boundMs = performance.now() - boundStart;

    return {
      'listen per event p50 (µs)': Number(quantile(listenUs, 0.5).toFixed(1)),
      'listen per event max (µs)': Number(Math.max(...listenUs).toFixed(1)),
      'messages sent (3 channels × 22 moments)': stats.sent,
      'all delivered, after the last event (ms)': Math.round(drainMs),
      'flush(1000) with a dead receiver (ms)': Math.round(boundMs),
    };
  } finally {
    await slow.close();
    await hanging.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [label, value] of Object.entries(await benchNotify())) console.log(`${label.padEnd(40)} ${value}`);
}
