import { MonitorError } from './monitor-error';

// Which version answered a probe, per monitoring.probes.version: a response header, a field of a
// JSON body (dotted path), or the whole trimmed body of a /version endpoint.

export interface VersionReader {
  /** The body has to be read (not just drained) to find the version. */
  readonly needsBody: boolean;
  read(headers: Readonly<Record<string, string | undefined>>, body: string): string | undefined;
}

/** A version longer than this is not a version but a page (e.g. an HTML error body). */
const MAX_VERSION_LENGTH = 128;

export function versionReader(spec: string): VersionReader {
  if (spec === 'body') {
    return { needsBody: true, read: (_headers, body) => clean(body) };
  }
  if (spec.startsWith('header:') && spec.length > 'header:'.length) {
    const name = spec.slice('header:'.length).toLowerCase();
    return {
      needsBody: false,
      read: (headers) => {
        return clean(headers[name]);
      },
    };
  }
  if (spec.startsWith('json:') && spec.length > 'json:'.length) {
    const path = spec.slice('json:'.length).split('.');
    return { needsBody: true, read: (_headers, body) => fieldOf(body, path) };
  }
  throw new MonitorError('invalid-probe', `probe version source "${spec}": write header:<name>, json:<field> or body`, {
    field: 'monitoring.probes.version',
    value: spec,
  });
}

function fieldOf(body: string, path: string[]): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' || typeof value === 'number' ? clean(String(value)) : undefined;
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= MAX_VERSION_LENGTH ? trimmed : undefined;
}
