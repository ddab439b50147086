// Journal benchmark: durable appends (write + fdatasync before each promise resolves) one at a
// time as the executor does, and from 16 concurrent producers (group commit), then verify times.
// The coordinator's scripts/bench.ts calls benchJournal(); `npx tsx scripts/bench/journal.ts`
// prints the figures. RP_BENCH_DIR picks the folder (default: the OS temp dir), since fdatasync
// cost depends entirely on the file system and disk underneath.
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeEvent, GENESIS_HASH } from '../../electron/core/journal/journal-line';
import { verifyJournal } from '../../electron/core/journal/journal-reader';
import { JOURNAL_FILE, openJournal } from '../../electron/core/journal/journal-writer';

const EVENTS = 10_000;
const PRODUCERS = 16;
const BIG = 100_000;
const GOAL = 2_000;

const fsNames: Record<number, string> = {
  61267: 'ext4',
  16914836: 'tmpfs',
  2035054128: 'overlayfs',
  1481003842: 'xfs',
  2435016766: 'btrfs',
  26985: 'nfs',
};

/** ~200 bytes of data, shaped like an action event the executor journals. */
function sampleData(i: number): Record<string, unknown> {
  return {
    step: 'production',
    action: 'docker.run',
    host: `web-${i % 8}.prod.internal`,
    argv: ['docker', 'run', '-d', '--name', 'app-blue', 'registry.local/shop/app:v1.4.2'],
    exitCode: 0,
    durationMs: 1000 + (i % 997),
    attempt: 1,
  };
}

async function timeAppends(dir: string, producers: number): Promise<number> {
  const journal = await openJournal(dir, { create: true });
  let next = 0;
  const started = performance.now();
  const producer = async () => {
    while (next < EVENTS) {
      const i = next++;
      await journal.append('action.finished', sampleData(i));
    }
  };
  await Promise.all(Array.from({ length: producers }, producer));
  const seconds = (performance.now() - started) / 1000;
  await journal.close();
  return EVENTS / seconds;
}

async function timeVerify(file: string, expected: number): Promise<number> {
  const started = performance.now();
  const verdict = await verifyJournal(file);
  const ms = performance.now() - started;
  if (!verdict.ok || verdict.lines !== expected)
    throw new Error(`verify failed on ${file}: ${JSON.stringify(verdict)}`);
  return ms;
}

/** Writes a valid journal directly (no fsync): only the verifier is being measured on it. */
function writeBigJournal(file: string, count: number): void {
  const lines: string[] = [];
  let prev = GENESIS_HASH;
  const at = new Date().toISOString();
  for (let seq = 1; seq <= count; seq++) {
    const { line, hash } = encodeEvent({ seq, at, type: 'action.finished', data: sampleData(seq), prev });
    lines.push(line);
    prev = hash;
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

export async function benchJournal(): Promise<Record<string, string | number>> {
  const base = mkdtempSync(join(process.env.RP_BENCH_DIR ?? tmpdir(), 'rp-bench-journal-'));
  try {
    const fsType = statfsSync(base).type;
    const sequential = await timeAppends(join(base, 'sequential'), 1);
    const concurrent = await timeAppends(join(base, 'concurrent'), PRODUCERS);
    const verify10k = await timeVerify(join(base, 'sequential', JOURNAL_FILE), EVENTS);
    const bigFile = join(base, 'big.ndjson');
    writeBigJournal(bigFile, BIG);
    const verify100k = await timeVerify(bigFile, BIG);
    const dataBytes = JSON.stringify(sampleData(1)).length;
    const lineBytes = encodeEvent({
      seq: 1,
      at: new Date().toISOString(),
      type: 'action.finished',
      data: sampleData(1),
      prev: GENESIS_HASH,
    }).line.length;
    const meets = [sequential >= GOAL ? 'sequential' : '', concurrent >= GOAL ? `${PRODUCERS} producers` : '']
      .filter(Boolean)
      .join(' and ');
    return {
      'journal file system': `${fsNames[fsType] ?? `0x${fsType.toString(16)}`} (${base})`,
      'journal event bytes (data / line)': `${dataBytes} / ${lineBytes}`,
      'journal sequential appends/s': Math.round(sequential),
      [`journal ${PRODUCERS}-producer appends/s`]: Math.round(concurrent),
      [`journal goal ≥ ${GOAL}/s met by`]: meets || 'neither mode',
      'journal verify 10,000 lines ms': Math.round(verify10k),
      'journal verify 100,000 lines ms': Math.round(verify100k),
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchJournal();
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(36)} ${value}`);
}
