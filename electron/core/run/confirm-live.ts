import type { NamedEnvironment } from '../../../shared/formats/environment-schema';
import { readAnsweringVersion } from '../monitor/answering-version';

// "Where a version source exists, check what answers": before the release history says a rollback
// put `expected` back, ask the app (monitoring.probes.version on the probe URL). A different
// version answering is said and not recorded; no source, or an answer without a version, leaves
// the record as the actions made it, saying it was not confirmed.

export type LiveCheck =
  | { state: 'confirmed'; text: string }
  | { state: 'unconfirmed'; text: string }
  | { state: 'disagrees'; answered: string; text: string };

/** A restarted container or a switched proxy may need a moment: ask again while it fails or another version answers. */
const attempts = 10;
const pauseMs = 500;
const timeoutMs = 2000;

export async function checkAnsweringVersion(
  environment: NamedEnvironment,
  expected: string,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
): Promise<LiveCheck> {
  const source: string | undefined = environment.monitoring.probes.version;
  const url = environment.monitoring.probes.url ?? environment.urls.health;
  if (!source || !url) {
    return {
      state: 'unconfirmed',
      text: `version not confirmed (no version source: give monitoring.probes.url and .version)`,
    };
  }
  let last: Awaited<ReturnType<typeof readAnsweringVersion>> | undefined;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    last = await readAnsweringVersion({ url, source, timeoutMs });
    if (last.version === expected) {
      return { state: 'confirmed', text: `${expected} answers ${url} (${source})` };
    }
    // An app that does not report its version will not start to: no point asking again.
    if (last.sample.ok && last.version === undefined) break;
    if (attempt < attempts) await sleep(pauseMs, signal);
  }
  const answered = last?.version;
  if (answered !== undefined) {
    return {
      state: 'disagrees',
      answered,
      text: `${url} answers ${answered} (${source}), not ${expected}`,
    };
  }
  const why = last?.sample.ok
    ? `its answer carries no version through ${source}`
    : `it did not answer successfully (${last?.sample.error ?? 'no answer'})`;
  return { state: 'unconfirmed', text: `version not confirmed: ${url}: ${why}` };
}
