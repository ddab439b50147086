import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { FlagError } from './flag-error';

// The OpenFeature flagd flag file (https://flagd.dev/schema/v0/flags.json). A flag at p % is a
// boolean flag whose targeting splits users with flagd's `fractional` operator:
//   "targeting": { "fractional": [["on", p], ["off", 100 - p]] }
// With no bucketing expression flagd hashes the flag key and the targeting key, so a user keeps
// their variant as the share rises. Only the one flag is rewritten; every other key of the file
// (other flags, $evaluators, metadata) is kept exactly as it was.

export const flagdSchema = 'https://flagd.dev/schema/v0/flags.json';

export type FlagdDocument = Record<string, unknown> & { flags: Record<string, unknown> };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `where` names the host and path in messages, e.g. "host-1:/srv/app/flags.json". */
export function parseFlagDocument(text: string | undefined, where: string): FlagdDocument {
  if (text === undefined || text.trim() === '') return { $schema: flagdSchema, flags: {} };
  const malformed = (why: string) =>
    new FlagError('flag-file-malformed', `flag file ${where}: ${why}; it was left unchanged — fix or remove it`, {
      where,
    });
  // jsonc-parser rather than JSON.parse: a person's comments are allowed (flagd files are edited by
  // hand), and a syntax error is named by line and column rather than by byte offset.
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: false });
  const first = errors[0];
  if (first)
    throw malformed(`not valid JSON at ${lineColumn(text, first.offset)} (${printParseErrorCode(first.error)})`);
  if (!isObject(value)) throw malformed('the top level must be a JSON object with a "flags" object');
  const flags = value.flags ?? {};
  if (!isObject(flags)) throw malformed('"flags" must be an object of flag name → flag');
  for (const [name, flag] of Object.entries(flags)) {
    if (!isObject(flag)) throw malformed(`flag "${name}" must be an object`);
  }
  return { ...value, flags };
}

/** "line 3, column 14" of a character offset, both counted from 1 as editors show them. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

export function withFlagPercentage(document: FlagdDocument, flag: string, percentage: number): FlagdDocument {
  const existing = document.flags[flag];
  const before = isObject(existing) ? existing : {};
  const variants = isObject(before.variants) ? before.variants : {};
  const updated = {
    ...before,
    state: 'ENABLED',
    variants: { ...variants, on: true, off: false },
    defaultVariant: 'off',
    targeting: {
      fractional: [
        ['on', percentage],
        ['off', 100 - percentage],
      ],
    },
  };
  return { ...document, flags: { ...document.flags, [flag]: updated } };
}

/** The share of users the flag is on for, as this file says; undefined when the flag is not there. */
export function flagPercentage(document: FlagdDocument, flag: string): number | undefined {
  const entry = document.flags[flag];
  if (!isObject(entry)) return undefined;
  if (entry.state === 'DISABLED') return 0;
  const targeting = entry.targeting;
  const fractional = isObject(targeting) ? targeting.fractional : undefined;
  if (Array.isArray(fractional)) {
    // Buckets are [variant, weight]; a leading non-array item is the bucketing expression.
    const buckets = fractional.filter(
      (b): b is [string, number] => Array.isArray(b) && typeof b[0] === 'string' && typeof b[1] === 'number',
    );
    const total = buckets.reduce((sum, [, weight]) => sum + weight, 0);
    const on = buckets.filter(([variant]) => isOnVariant(entry, variant)).reduce((sum, [, weight]) => sum + weight, 0);
    return total > 0 ? Math.round((on / total) * 10_000) / 100 : 0;
  }
  return typeof entry.defaultVariant === 'string' && isOnVariant(entry, entry.defaultVariant) ? 100 : 0;
}

function isOnVariant(entry: Record<string, unknown>, variant: string): boolean {
  const variants = isObject(entry.variants) ? entry.variants : {};
  return variants[variant] === true;
}

export function formatFlagDocument(document: FlagdDocument): string {
  const { $schema, ...rest } = document;
  return `${JSON.stringify({ $schema: $schema ?? flagdSchema, ...rest }, null, 2)}\n`;
}
