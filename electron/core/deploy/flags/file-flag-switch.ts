import type { ToolIO } from '../../run/run-tools';
import type { FlagSwitch } from '../deploy-strategy';
import { checkPercentage, FlagError } from './flag-error';
import type { FlagFileStore } from './flag-file-store';
import { flagPercentage, parseFlagDocument } from './flagd-document';
import { editFlagPercentage } from './flagd-edit';

// Flags in a flagd file, one copy per host (or one on this machine). Every copy is read and
// checked before any is written, so a malformed file on one host stops the change everywhere
// instead of leaving the hosts disagreeing.

export interface FileFlagSwitchOptions {
  path: string;
  /** One store per copy of the file: [localFlagFile(path)] or one sshFlagFile per host. */
  stores: FlagFileStore[];
  /** Host name per store, for io.output; undefined entries are this machine. */
  hosts?: (string | undefined)[];
}

export function createFileFlagSwitch(options: FileFlagSwitchOptions): FlagSwitch {
  const { stores } = options;
  if (stores.length === 0) throw new Error('a file flag switch needs at least one flag file');
  const hosts = options.hosts ?? stores.map(() => undefined);
  const named = hosts.filter((h): h is string => h !== undefined);
  const where =
    named.length > 0 ? `flag file ${options.path} on ${named.join(', ')}` : `flag file ${options.path} on this machine`;
  return {
    where,
    async set(flag: string, percentage: number, io: ToolIO) {
      checkPercentage(flag, percentage);
      // Each copy keeps its own bytes but the flag's values (the copies may be laid out differently).
      const edited = await settleAll(stores, async (store) => {
        const text = await store.read(io.signal);
        return editFlagPercentage(text, flag, percentage, store.where);
      });
      await settleAll(stores, async (store, i) => {
        await store.write(edited[i]!, io.signal);
        io.output(hosts[i], 'info', `flag ${flag} on for ${percentage} % in ${store.where}`);
      });
    },
    async get(flag: string, io: ToolIO) {
      const first = stores[0]!;
      return flagPercentage(parseFlagDocument(await first.read(io.signal), first.where), flag);
    },
    async check(_flag: string, io: ToolIO) {
      // Every copy, as set() would read them: a run refuses to start rather than fail mid-way.
      await settleAll(stores, async (store) => {
        parseFlagDocument(await store.read(io.signal), store.where);
      });
    },
  };
}

/** Runs fn on every store at once; any failure rejects with every failed store's message. */
async function settleAll<T>(
  stores: FlagFileStore[],
  fn: (store: FlagFileStore, i: number) => Promise<T>,
): Promise<T[]> {
  const results = await Promise.allSettled(stores.map((store, i) => fn(store, i)));
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length === 0) return results.map((r) => (r as PromiseFulfilledResult<T>).value);
  if (failed.length === 1) throw failed[0]!.reason;
  const first = failed[0]!.reason as FlagError;
  throw new FlagError(
    first.code ?? 'flag-file-write-failed',
    `${failed.length} flag files failed: ${failed.map((f) => (f.reason as Error).message).join('; ')}`,
    { failures: failed.length },
  );
}
