import type { FileHandle } from 'node:fs/promises';
import { constants, mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsError, JournalError } from './journal-error';
import { encodeEvent, GENESIS_HASH, type JournalEvent } from './journal-line';
import { scanJournal } from './journal-scan';

export const JOURNAL_FILE = 'journal.ndjson';

export interface JournalOptions {
  /** true: make a new journal (fails if one exists); false: resume an existing one for append. */
  create: boolean;
  /** Rewrites the JSON text of each event's data before it is hashed and written (secrets out). */
  redact?: (text: string) => string;
  now?: () => Date;
}

export interface Journal {
  readonly file: string;
  /** Seq and hash of the last event appended (queued), which the next one will chain from. */
  readonly lastSeq: number;
  readonly lastHash: string;
  /** Opening found a half-written last line (a crash mid-write) and cut it off. */
  readonly repairedTornLine: boolean;
  /** Resolves once the event's line is on disk (written and fdatasync'd), with the event as stored. */
  append(type: string, data: Record<string, unknown>): Promise<JournalEvent>;
  /** Waits for queued appends, then closes the file. */
  close(): Promise<void>;
}

interface Pending {
  line: string;
  event: JournalEvent;
  resolve: (event: JournalEvent) => void;
  reject: (error: unknown) => void;
}

async function syncDir(dir: string): Promise<void> {
  // A new file is only durable once its directory entry is; best effort, not every fs allows it.
  const handle = await open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, null);
    done += bytesWritten;
  }
}

async function createFile(dir: string, file: string): Promise<FileHandle> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw fsError(error, 'create journal folder', dir);
  }
  let handle: FileHandle;
  try {
    handle = await open(file, 'ax');
  } catch (error) {
    const wrapped = fsError(error, 'create journal', file);
    if (wrapped.code === 'exists') {
      throw new JournalError('exists', `journal already exists: ${file} (open it with create: false to resume)`, {
        file,
        errno: 'EEXIST',
      });
    }
    throw wrapped;
  }
  await syncDir(dir);
  await syncDir(dirname(dir));
  return handle;
}

async function resumeFile(
  file: string,
): Promise<{ handle: FileHandle; seq: number; hash: string; size: number; torn: boolean }> {
  let handle: FileHandle;
  try {
    // Append-only and without O_CREAT: resuming must never conjure up an empty journal.
    handle = await open(file, constants.O_WRONLY | constants.O_APPEND);
  } catch (error) {
    throw fsError(error, 'open journal', file);
  }
  try {
    const scan = await scanJournal(file);
    const torn = scan.problem?.kind === 'torn';
    if (scan.problem && !torn) {
      const { line, reason } = scan.problem;
      const where = line === 0 ? reason : `${file} line ${line}: ${reason}`;
      throw new JournalError('broken-chain', `refusing to append to a broken journal: ${where}`, { file, line });
    }
    if (torn) {
      // The torn line's append never resolved (it resolves only after sync), so dropping it loses nothing promised.
      await handle.truncate(scan.goodBytes);
      await handle.datasync();
    }
    return { handle, seq: scan.lastSeq, hash: scan.lastHash, size: scan.goodBytes, torn };
  } catch (error) {
    await handle.close();
    throw error instanceof JournalError ? error : fsError(error, 'repair journal', file);
  }
}

/**
 * Opens `<dir>/journal.ndjson` for appending. Appends use group commit: lines queued while a sync
 * is in flight go out together in the next write + fdatasync, which keeps the order and the chain
 * and still resolves each append only after its own line is durable.
 */
export async function openJournal(dir: string, options: JournalOptions): Promise<Journal> {
  const file = join(dir, JOURNAL_FILE);
  const now = options.now ?? (() => new Date());
  const opened = options.create
    ? { handle: await createFile(dir, file), seq: 0, hash: GENESIS_HASH, size: 0, torn: false }
    : await resumeFile(file);
  const handle = opened.handle;
  let lastSeq = opened.seq;
  let lastHash = opened.hash;
  let durableSize = opened.size;
  let queue: Pending[] = [];
  let pump: Promise<void> = Promise.resolve();
  // Set and cleared synchronously, so an append made right after the last batch resolves (before
  // any promise callback could run) still finds the drain loop stopped and starts a new one.
  let draining = false;
  let failure: JournalError | undefined;
  let closed = false;

  async function fail(error: unknown, batch: Pending[]): Promise<void> {
    failure = fsError(error, 'write journal', file);
    const rejected = [...batch, ...queue];
    queue = [];
    for (const pending of rejected) pending.reject(failure);
    // Cut back to the last synced line so no unacknowledged or half-written line stays behind;
    // if even that fails, the next open treats a partial line as torn and repairs it.
    await handle.truncate(durableSize).catch(() => undefined);
    await handle.close().catch(() => undefined);
    closed = true;
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0 && !failure) {
        const batch = queue;
        queue = [];
        const bytes = Buffer.from(batch.map((pending) => pending.line).join(''), 'utf8');
        try {
          await writeAll(handle, bytes);
          await handle.datasync();
        } catch (error) {
          await fail(error, batch);
          return;
        }
        durableSize += bytes.length;
        for (const pending of batch) pending.resolve(pending.event);
      }
    } finally {
      draining = false;
    }
  }

  function append(type: string, data: Record<string, unknown>): Promise<JournalEvent> {
    if (failure) return Promise.reject(failure);
    if (closed) return Promise.reject(new JournalError('closed', `journal is closed: ${file}`, { file }));
    let encoded: ReturnType<typeof encodeEvent>;
    try {
      const fields = { seq: lastSeq + 1, at: now().toISOString(), type, data, prev: lastHash };
      encoded = encodeEvent(fields, options.redact);
    } catch (error) {
      const message = `cannot append to ${file}: ${(error as Error).message}`;
      return Promise.reject(new JournalError('invalid-event', message, { file, cause: error }));
    }
    lastSeq = encoded.event.seq;
    lastHash = encoded.hash;
    return new Promise<JournalEvent>((resolve, reject) => {
      queue.push({ line: `${encoded.line}\n`, event: encoded.event, resolve, reject });
      if (!draining) {
        draining = true;
        pump = drain();
      }
    });
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    while (draining) await pump;
    if (!failure) await handle.close();
  }

  return {
    file,
    get lastSeq() {
      return lastSeq;
    },
    get lastHash() {
      return lastHash;
    },
    repairedTornLine: opened.torn,
    append,
    close,
  };
}
