import { basename, extname, join } from 'node:path';
import type { Problem } from '../../../shared/api/schemas/common';
import { Runbook } from '../../../shared/formats/runbook-schema';
import { builtInRunbookFile, builtInRunbookId, builtInRunbookPath, readBuiltInRunbook } from './built-in-runbook';
import { type Origin, sortProblems, validateSource } from './load-yaml-with-schema';
import { extendRunbook } from './runbook-extends';
import { variableWarnings } from './variable-check';
import { isRecord, readYamlSource, type YamlSource } from './yaml-source';

export interface LoadedRunbook {
  /** The runbook's `id:`, or its file stem. */
  id: string;
  /** Relative to the project (or as given); `<built-in>/…` for the built-in runbook. */
  file: string;
  builtIn: boolean;
  /** For lists: the title and step count as written, even when the runbook is invalid. */
  title: string;
  stepCount: number;
  /** Present only when the runbook is valid. */
  runbook?: Runbook;
  /** The data as validated (after `extends` is applied), and where each field came from. */
  raw?: unknown;
  origin?: Origin;
  problems: Problem[];
}

function summaryOf(raw: unknown, fallbackId: string): { id: string; title: string; stepCount: number } {
  const doc = isRecord(raw) ? raw : {};
  const id = typeof doc.id === 'string' && doc.id ? doc.id : fallbackId;
  const title = typeof doc.title === 'string' && doc.title.trim() ? doc.title : id;
  return { id, title, stepCount: Array.isArray(doc.steps) ? doc.steps.length : 0 };
}

/** Validates a parsed runbook; `base` is the built-in runbook, needed when it says `extends: default`. */
export function validateRunbookSource(
  source: YamlSource,
  fallbackId: string,
  base?: YamlSource,
  environmentVariables?: ReadonlySet<string>,
): Omit<LoadedRunbook, 'builtIn'> {
  const extendsDefault = isRecord(source.value) && source.value.extends === 'default';
  const prepare = extendsDefault && base ? () => extendRunbook(source, base) : undefined;
  const result = validateSource(source, Runbook, prepare);
  const problems = [...result.problems];
  if (extendsDefault && !base) {
    problems.push({
      severity: 'error',
      file: source.file,
      message: 'extends: default, but the built-in runbook is not available',
    });
  }
  if (result.raw !== undefined && result.origin) {
    const variables = isRecord(result.raw) && isRecord(result.raw.variables) ? Object.keys(result.raw.variables) : [];
    problems.push(
      ...variableWarnings(result.raw, result.origin, { runbookVariables: new Set(variables), environmentVariables }),
    );
  }
  return {
    ...summaryOf(result.raw, fallbackId),
    file: source.file,
    runbook: result.value,
    raw: result.raw,
    origin: result.origin,
    problems: sortProblems(problems),
  };
}

export interface RunbookLoadOptions {
  /** Every `variables:` name of the project's environments, to check `${env.X}` references against. */
  environmentVariables?: ReadonlySet<string>;
}

/** Loads a runbook file anywhere on disk, naming it `displayName` in problems. */
export async function loadRunbookAt(
  absPath: string,
  displayName: string,
  options: RunbookLoadOptions = {},
): Promise<LoadedRunbook> {
  const stem = basename(absPath, extname(absPath));
  const read = await readYamlSource(absPath, displayName);
  if (!read.source)
    return { id: stem, file: displayName, builtIn: false, title: stem, stepCount: 0, problems: read.problems };
  const wantsBase = isRecord(read.source.value) && read.source.value.extends === 'default';
  let base: YamlSource | undefined;
  let baseProblem: Problem | undefined;
  try {
    base = wantsBase ? await readBuiltInRunbook() : undefined;
  } catch (error) {
    baseProblem = { severity: 'error', file: displayName, message: (error as Error).message };
  }
  const loaded = validateRunbookSource(read.source, stem, base, options.environmentVariables);
  if (baseProblem) loaded.problems = [baseProblem, ...loaded.problems.filter((p) => !p.message.startsWith('extends:'))];
  return { ...loaded, builtIn: false };
}

/** Loads `relPath` of a project (e.g. `.release-pilot/runbook.yml`). */
export function loadRunbookFile(
  projectRoot: string,
  relPath: string,
  options: RunbookLoadOptions = {},
): Promise<LoadedRunbook> {
  return loadRunbookAt(join(projectRoot, relPath), relPath, options);
}

/** The built-in runbook, as a project without runbooks of its own uses it. */
export async function loadBuiltInRunbook(options: RunbookLoadOptions = {}): Promise<LoadedRunbook> {
  const read = await readYamlSource(builtInRunbookPath(), builtInRunbookFile);
  if (!read.source) {
    return {
      id: builtInRunbookId,
      file: builtInRunbookFile,
      builtIn: true,
      title: 'Built-in runbook',
      stepCount: 0,
      problems: read.problems,
    };
  }
  return {
    ...validateRunbookSource(read.source, builtInRunbookId, undefined, options.environmentVariables),
    builtIn: true,
  };
}
