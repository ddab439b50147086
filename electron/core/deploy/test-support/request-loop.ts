import { get } from 'node:http';

// Requests through the proxy, counted by the test itself: a steady loop at a fixed rate (did any
// request fail during a switch?) and a sequential sample (what share did each version answer?).
// Each request uses a fresh connection, as independent users would.

export interface Answer {
  /** performance.now() when the request was sent and when its answer (or failure) arrived. */
  startedAt: number;
  endedAt: number;
  ok: boolean;
  status?: number;
  /** The trimmed body: the demo app's /version answers with its version. */
  body?: string;
  error?: string;
}

export function getOnce(url: string, timeoutMs = 2000): Promise<Answer> {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: Omit<Answer, 'startedAt' | 'endedAt'>) => {
      if (settled) return;
      settled = true;
      resolve({ startedAt, endedAt: performance.now(), ...answer });
    };
    const request = get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        done({ ok: response.statusCode === 200, status: response.statusCode, body: body.trim() }),
      );
      response.on('error', (error) => done({ ok: false, status: response.statusCode, error: error.message }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => done({ ok: false, error: error.message }));
  });
}

export interface RequestLoop {
  /** Every answer so far, in the order they arrived. */
  readonly answers: Answer[];
  /** Stops sending, waits for the requests in flight, returns every answer. */
  stop(): Promise<Answer[]>;
}

/** Sends a request every 1000/rate ms without waiting for the one before. */
export function startRequestLoop(url: string, ratePerSecond: number): RequestLoop {
  const answers: Answer[] = [];
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const request = getOnce(url).then((answer) => {
      answers.push(answer);
      pending.delete(request);
    });
    pending.add(request);
  }, 1000 / ratePerSecond);
  return {
    answers,
    async stop() {
      clearInterval(timer);
      await Promise.all([...pending]);
      return answers;
    },
  };
}

/** `count` requests one after another; answers counted by body (failures as "failed"). */
export async function sampleVersions(url: string, count: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const answer = await getOnce(url);
    const key = answer.ok ? (answer.body ?? '') : 'failed';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export interface LoopSummary {
  sent: number;
  ok: number;
  failed: number;
  versions: Record<string, number>;
  /** The first few failures, for the test's message. */
  errors: string[];
}

export function summarize(answers: readonly Answer[]): LoopSummary {
  const versions: Record<string, number> = {};
  const errors: string[] = [];
  let ok = 0;
  for (const answer of answers) {
    if (answer.ok) {
      ok++;
      versions[answer.body ?? ''] = (versions[answer.body ?? ''] ?? 0) + 1;
    } else if (errors.length < 5) errors.push(answer.error ?? `status ${answer.status}`);
  }
  return { sent: answers.length, ok, failed: answers.length - ok, versions, errors };
}

/**
 * How long after `from` the answers settled on `version` for good: the end of the first answer
 * from `version` after the last answer that was not (undefined when none came from it).
 */
export function settledAfter(answers: readonly Answer[], version: string, from: number): number | undefined {
  const sorted = [...answers].filter((a) => a.startedAt >= from).sort((a, b) => a.startedAt - b.startedAt);
  let lastOther = -1;
  sorted.forEach((answer, i) => {
    if (!(answer.ok && answer.body === version)) lastOther = i;
  });
  const first = sorted[lastOther + 1];
  return first ? first.endedAt - from : undefined;
}

/** Requests one after another, as fast as answers come: the finest view of when a switch lands. */
export function startPoller(url: string): RequestLoop {
  const answers: Answer[] = [];
  let running = true;
  const loop = (async () => {
    while (running) answers.push(await getOnce(url));
  })();
  return {
    answers,
    async stop() {
      running = false;
      await loop;
      return answers;
    },
  };
}
