import type { z } from 'zod';
import { isRecord } from './yaml-source';

// Which fields a strict object at some path accepts, read from the zod schema itself, so an
// "unknown field" problem can suggest the field the author probably meant (timout → timeout).

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  discriminator?: string;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const wrappers = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    if (wrappers.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else break;
  }
  return current;
}

/** The object schema that applies to `value` (choosing a union's branch by its discriminator). */
function objectSchemaFor(schema: z.ZodType, value: unknown): Def | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === 'object') return def;
  if (def.type !== 'union' || !def.options) return undefined;
  const candidates = def.options.map((option) => objectSchemaFor(option, value)).filter((d) => d !== undefined);
  if (def.discriminator && isRecord(value)) {
    const tag = value[def.discriminator];
    const match = candidates.find((d) => {
      const field = d.shape?.[def.discriminator!];
      return field && (field as z.ZodType).safeParse(tag).success;
    });
    if (match) return match;
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

function childSchema(schema: z.ZodType, segment: PropertyKey, value: unknown): z.ZodType | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  const object = objectSchemaFor(schema, value);
  return object?.shape?.[String(segment)];
}

/** The schema that applies at `path` of `root`, with the value there. */
export function schemaAt(
  schema: z.ZodType,
  root: unknown,
  path: readonly PropertyKey[],
): { schema?: z.ZodType; value: unknown } {
  let current: z.ZodType | undefined = schema;
  let value: unknown = root;
  for (const segment of path) {
    if (!current) return { value: undefined };
    current = childSchema(current, segment, value);
    value = isRecord(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
  }
  return { schema: current, value };
}

/** The field names the schema allows at `path` of `root`, or undefined when it is not a known object. */
export function knownKeysAt(schema: z.ZodType, root: unknown, path: readonly PropertyKey[]): string[] | undefined {
  const at = schemaAt(schema, root, path);
  const object = at.schema ? objectSchemaFor(at.schema, at.value) : undefined;
  return object?.shape ? Object.keys(object.shape) : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known name closest to a misspelt one, when it is close enough to be a likely typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const candidate of known) {
    const score = distance(lower, candidate.toLowerCase());
    if (!best || score < best.score) best = { name: candidate, score };
  }
  return best && best.score <= Math.max(1, Math.floor(name.length / 3)) ? best.name : undefined;
}
