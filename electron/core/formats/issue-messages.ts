import type { z } from 'zod';
import { closestName, knownKeysAt, schemaAt } from './schema-keys';
import { isRecord } from './yaml-source';

// Turns zod issues into sentences a runbook author can act on: which field, what was found, what
// is allowed. zod's own default texts ("Invalid input") are replaced; messages the schemas chose
// themselves are kept.

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

export interface FieldIssue {
  path: Path;
  message: string;
  /** Point at the key (unknown or badly named fields) rather than at the value. */
  at: 'value' | 'key';
}

const absent = Symbol('absent');

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const segment of path) {
    if ((isRecord(value) || Array.isArray(value)) && Object.hasOwn(value, segment)) {
      value = (value as Record<PropertyKey, unknown>)[segment];
    } else {
      return absent;
    }
  }
  return value;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const kinds: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

/** zod's stock messages start this way; anything else was written by our schemas and is kept. */
const stock = /^(Invalid|Too (big|small)|Unrecognized key|Expected)/;

function own(issue: { message: string }): string | undefined {
  return stock.test(issue.message) ? undefined : issue.message;
}

/** "X or Y" for the alternatives of a union whose every branch failed on the value itself. */
function alternatives(branches: Issue[][]): string[] | undefined {
  const names: string[] = [];
  for (const branch of branches) {
    const first = branch[0];
    if (branch.length !== 1 || !first || first.path.length > 0) return undefined;
    if (first.code === 'invalid_type') names.push(kinds[first.expected] ?? first.expected);
    else if (first.code === 'invalid_value') names.push(...first.values.map((v) => JSON.stringify(v)));
    else if (first.code === 'invalid_union' && first.errors.length > 0) {
      const nested = alternatives(first.errors as Issue[][]);
      if (!nested) return undefined;
      names.push(...nested);
    } else return undefined;
  }
  return names;
}

function orList(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The union branch that got furthest: its problems are about the value's insides, not its kind. */
function deepestBranch(branches: Issue[][]): Issue[] | undefined {
  const depth = (branch: Issue[]) => Math.min(...branch.map((i) => i.path.length));
  return [...branches].filter((b) => b.length > 0).sort((a, b) => depth(b) - depth(a))[0];
}

export function describeIssues(
  issues: readonly Issue[],
  root: unknown,
  schema: z.ZodType,
  base: Path = [],
): FieldIssue[] {
  return issues.flatMap((issue) => describeIssue(issue, root, schema, [...base, ...issue.path]));
}

function describeIssue(issue: Issue, root: unknown, schema: z.ZodType, path: Path): FieldIssue[] {
  const value = valueAt(root, path);
  const field = String(path.at(-1) ?? 'the file');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, root, path) ?? [];
      return issue.keys.map((key) => {
        const guess = closestName(key, known);
        const hint = guess ? `; did you mean \`${guess}\`?` : known.length ? `; known fields: ${known.join(', ')}` : '';
        return { path: [...path, key], message: `unknown field \`${key}\`${hint}`, at: 'key' as const };
      });
    }
    case 'invalid_key': {
      const inner = issue.issues.map((i) => own(i) ?? i.message).join('; ');
      const keyIssue: FieldIssue = {
        path,
        message: `${JSON.stringify(String(path.at(-1)))} is not a valid name: ${inner}`,
        at: 'key',
      };
      // zod skips the value of a badly named entry; check it too, so renaming it reveals nothing new.
      const at = schemaAt(schema, root, path);
      const result = at.schema?.safeParse(at.value);
      const valueIssues = result && !result.success ? describeIssues(result.error.issues, root, schema, path) : [];
      return [keyIssue, ...valueIssues];
    }
    case 'invalid_type': {
      if (path.length === 0 && (value === null || value === undefined)) {
        return [{ path, message: 'the file is empty: expected a mapping of fields', at: 'value' }];
      }
      if (value === absent || value === undefined) {
        const why = own(issue);
        return [{ path, message: `missing required field \`${field}\`${why ? `: ${why}` : ''}`, at: 'value' }];
      }
      const expected = `expected ${kinds[issue.expected] ?? issue.expected}, found ${show(value)}`;
      const why = own(issue);
      return [{ path, message: why ? `${why} (${expected})` : expected, at: 'value' }];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String).join(', ');
        const missing = value === absent || value === undefined;
        const head = missing
          ? `missing required field \`${issue.discriminator}\``
          : `${show(value)} is not a known ${issue.discriminator}`;
        return [{ path, message: `${head}; use one of: ${options}`, at: 'value' }];
      }
      const branches = issue.errors as Issue[][];
      const names = alternatives(branches);
      if (names) return [{ path, message: `expected ${orList(names)}, found ${show(value)}`, at: 'value' }];
      const deepest = deepestBranch(branches);
      return deepest ? describeIssues(deepest, root, schema, path) : [{ path, message: issue.message, at: 'value' }];
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const head = issue.values.length === 1 ? `must be ${allowed}` : `must be one of ${allowed}`;
      return [{ path, message: own(issue) ?? `${head}, found ${show(value)}`, at: 'value' }];
    }
    case 'too_small':
    case 'too_big': {
      const custom = own(issue);
      if (custom) return [{ path, message: custom, at: 'value' }];
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      if (issue.origin === 'string' && issue.code === 'too_small' && Number(limit) === 1) {
        return [{ path, message: 'must not be empty', at: 'value' }];
      }
      const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
      return [{ path, message: `must be ${word} ${limit}${unit}, found ${show(value)}`, at: 'value' }];
    }
    case 'invalid_format': {
      const custom = own(issue);
      if (custom) return [{ path, message: `${show(value)}: ${custom}`, at: 'value' }];
      if (issue.format === 'url') {
        return [
          {
            path,
            message: `${show(value)} is not a URL: write it in full, e.g. http://127.0.0.1:8080/health`,
            at: 'value',
          },
        ];
      }
      return [{ path, message: `${show(value)} is not a valid ${issue.format}`, at: 'value' }];
    }
    default:
      return [{ path, message: issue.message, at: 'value' }];
  }
}
