import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Problem } from '../../../shared/api/schemas/common';
import { Answers } from '../../../shared/formats/answers-schema';
import { loadEnvironmentsAt } from '../../core/formats/load-environments';
import { loadProject } from '../../core/formats/load-project';
import { loadRunbookAt } from '../../core/formats/load-runbook';
import { loadYamlWithSchema } from '../../core/formats/load-yaml-with-schema';
import { projectFolder } from '../../core/formats/project-layout';
import { isRecord, readYamlSource } from '../../core/formats/yaml-source';

// `release-pilot validate <file|dir>`: every problem of a project (or of one runbook, environments
// or answers file) at once, printed the way compilers do (file:line:column: error: field: message)
// so editors and CI annotate them.
// Exit 0 when there are no errors (warnings allowed), 2 on any error or a usage problem.

export interface ValidateOptions {
  json?: boolean;
  /** Paths are resolved and shown relative to this folder (the process's cwd by default). */
  cwd?: string;
}

export interface ValidateResult {
  /** Files checked, as shown in problems. */
  files: string[];
  problems: Problem[];
  /** The project has no runbook of its own, so the built-in one was checked. */
  usedBuiltIn: boolean;
}

/** A problem the user must fix before validation can even start (bad path): exit status 2. */
export class UsageError extends Error {}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  return `${where}: ${problem.severity}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

export function summaryLine(fileCount: number, problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return `${plural(fileCount, 'file')}, no problems`;
  return `${plural(fileCount, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

type FileKind = 'environments' | 'answers' | 'runbook';

/**
 * An environments file is named so or has a top-level `environments:` key; an answers file is named
 * `*answers.y(a)ml` or has a top-level `operator:`; anything else is a runbook.
 */
async function kindOf(absPath: string): Promise<FileKind> {
  const name = basename(absPath);
  if (/^environments\.ya?ml$/.test(name)) return 'environments';
  if (/answers\.ya?ml$/.test(name)) return 'answers';
  const value = (await readYamlSource(absPath, absPath)).source?.value;
  if (isRecord(value) && 'environments' in value) return 'environments';
  if (isRecord(value) && 'operator' in value && !('steps' in value)) return 'answers';
  return 'runbook';
}

async function validateFile(absolute: string, shown: string): Promise<Problem[]> {
  const kind = await kindOf(absolute);
  if (kind === 'environments') return (await loadEnvironmentsAt(absolute, shown)).problems;
  if (kind === 'answers') return (await loadYamlWithSchema(absolute, shown, Answers)).problems;
  return (await loadRunbookAt(absolute, shown)).problems;
}

async function projectRootOf(dir: string, shown: string): Promise<string> {
  if (basename(dir) === projectFolder) return dirname(dir);
  const marker = await stat(join(dir, projectFolder)).catch(() => undefined);
  if (!marker?.isDirectory()) {
    throw new UsageError(
      `${shown} has no ${projectFolder}/ folder: give a project folder, or a runbook or environments file`,
    );
  }
  return dir;
}

/** Validates a file or a project folder. Throws UsageError when the path itself is wrong. */
export async function validatePath(target: string, cwd = process.cwd()): Promise<ValidateResult> {
  const absolute = resolve(cwd, target);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new UsageError(`no such file or directory: ${target}`);
  const show = (abs: string) => (isAbsolute(target) ? abs : relative(cwd, abs) || '.');
  if (info.isFile()) {
    const shown = show(absolute);
    return { files: [shown], problems: await validateFile(absolute, shown), usedBuiltIn: false };
  }
  const root = await projectRootOf(absolute, target);
  const project = await loadProject(root);
  const display = (file: string) => (file.startsWith('<') ? file : show(join(root, file)));
  const files = [
    ...project.runbooks.map((r) => display(r.file)),
    ...(project.environmentsFile.missing ? [] : [display(project.environmentsFile.file)]),
  ];
  return {
    files,
    problems: project.problems.map((p) => ({ ...p, file: display(p.file) })),
    usedBuiltIn: project.runbooks.some((r) => r.builtIn),
  };
}

export async function validateCommand(target: string, options: ValidateOptions = {}): Promise<void> {
  let result: ValidateResult;
  try {
    result = await validatePath(target, options.cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`release-pilot validate: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  if (options.json) {
    console.log(JSON.stringify(result.problems, null, 2));
  } else {
    for (const problem of result.problems) console.log(formatProblem(problem));
    if (result.usedBuiltIn) console.log('no runbook of its own: checked the built-in runbook it will use');
    console.log(summaryLine(result.files.length, result.problems));
  }
  process.exitCode = result.problems.some((p) => p.severity === 'error') ? 2 : 0;
}
