import type { z } from 'zod';
import type { Problem } from '../../../shared/api/schemas/common';
import { describeIssues } from './issue-messages';
import { type FieldPath, formatFieldPath, positionOfPath } from './node-position';
import { byPosition, readYamlSource, type YamlSource } from './yaml-source';

/** Where a field of the validated value came from: which file and which path in it. */
export type Origin = (path: FieldPath) => { source: YamlSource; path: FieldPath };

export const originIn =
  (source: YamlSource): Origin =>
  (path) => ({ source, path });

/** A problem about one field, at the line:column of that field in the file it came from. */
export function problemAt(
  origin: Origin,
  path: FieldPath,
  severity: Problem['severity'],
  message: string,
  at: 'value' | 'key' = 'value',
): Problem {
  const from = origin(path);
  const field = formatFieldPath(from.path);
  return {
    severity,
    file: from.source.file,
    ...positionOfPath(from.source, from.path, at),
    ...(field ? { field } : {}),
    message,
  };
}

/** Reshapes the parsed value before validation (e.g. `extends: default`), saying where each field came from. */
export type Prepare = (raw: unknown, source: YamlSource) => { value: unknown; origin: Origin };

export interface Validated<T> {
  value?: T;
  /** The data as validated (after `prepare`); present whenever the YAML parsed, valid or not. */
  raw?: unknown;
  origin?: Origin;
  problems: Problem[];
}

/** Validates a parsed source: every schema problem at once, each with line:column and field path. */
export function validateSource<S extends z.ZodType>(
  source: YamlSource,
  schema: S,
  prepare?: Prepare,
): Validated<z.output<S>> {
  if (source.value === undefined && source.problems.some((p) => p.severity === 'error')) {
    return { problems: source.problems };
  }
  const prepared = prepare ? prepare(source.value, source) : { value: source.value, origin: originIn(source) };
  const result = schema.safeParse(prepared.value);
  const schemaProblems = result.success
    ? []
    : describeIssues(result.error.issues, prepared.value, schema).map((issue) =>
        problemAt(prepared.origin, issue.path, 'error', issue.message, issue.at),
      );
  return {
    value: result.success ? result.data : undefined,
    raw: prepared.value,
    origin: prepared.origin,
    problems: sortProblems([...source.problems, ...schemaProblems]),
  };
}

export interface Loaded<T> extends Validated<T> {
  /** The file does not exist. */
  missing: boolean;
  source?: YamlSource;
}

/**
 * Reads a YAML file and validates it against a zod schema. Syntax errors and schema errors all come
 * back at once, each naming the file (`displayName`), the line:column and the field.
 */
export async function loadYamlWithSchema<S extends z.ZodType>(
  absPath: string,
  displayName: string,
  schema: S,
  prepare?: Prepare,
): Promise<Loaded<z.output<S>>> {
  const read = await readYamlSource(absPath, displayName);
  if (!read.source) return { missing: read.missing, problems: read.problems };
  return { missing: false, source: read.source, ...validateSource(read.source, schema, prepare) };
}

/** By file (in first-seen order), then by position; one entry per distinct problem. */
export function sortProblems(problems: Problem[]): Problem[] {
  const files = [...new Set(problems.map((p) => p.file))];
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = JSON.stringify([p.file, p.line, p.column, p.field, p.message, p.severity]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || byPosition(a, b));
}
