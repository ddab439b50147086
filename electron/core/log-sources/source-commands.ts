import type { LogSourceSpec } from '../../../shared/api/schemas/log-sources';

// The commands behind file and journal sources, as argv (quoted by quoteArgv over SSH, passed
// without a shell locally). Each starts with the last 200 lines so the view has context at once.

export const backlogLines = 200;

/**
 * `-F` follows the name, not the open file: a log rotated (moved away and recreated) or
 * truncated keeps being followed. `--` so a path can never be read as an option.
 */
export function tailArgv(path: string): string[] {
  return ['tail', '-n', String(backlogLines), '-F', '--', path];
}

export function journalArgv(unit: string): string[] {
  return ['journalctl', '-f', '-n', String(backlogLines), '-u', unit, '--no-pager'];
}

export function sourceArgv(spec: LogSourceSpec & { kind: 'file' | 'journal' }): string[] {
  return spec.kind === 'file' ? tailArgv(spec.path) : journalArgv(spec.unit);
}

/** The program a source runs, for "is not installed on …" messages. */
export function programOf(spec: LogSourceSpec & { kind: 'file' | 'journal' }): string {
  return spec.kind === 'file' ? 'tail' : 'journalctl';
}
