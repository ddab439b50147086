import { applyEdits, type FormattingOptions, format, type JSONPath, modify } from 'jsonc-parser';
import { type FlagdDocument, formatFlagDocument, parseFlagDocument, withFlagPercentage } from './flagd-document';

// Setting a flag's share in a flag file a person also edits: only the values that must change are
// rewritten, in place, so the rest of the file — other flags, comments, key order, spacing, a
// one-line layout — comes back byte for byte (jsonc-parser's modify + applyEdits). Rewriting the
// whole document instead turned a one-line flagd file into 33 lines.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Indentation and line ends as the file already has them, for the few values that are inserted. */
function formattingOf(text: string): FormattingOptions | undefined {
  // A file on one line gets its new values on that line too (no formatting: compact JSON).
  if (!text.trimEnd().includes('\n')) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 4, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

/** Indices of the `["on", w]` and `["off", w]` buckets when those two are the only buckets. */
function onOffBuckets(fractional: unknown): { on: number; off: number } | undefined {
  if (!Array.isArray(fractional)) return undefined;
  const buckets = fractional
    .map((bucket, index) => ({ bucket, index }))
    .filter(({ bucket }) => Array.isArray(bucket)) as Array<{ bucket: unknown[]; index: number }>;
  if (buckets.length !== 2) return undefined;
  const on = buckets.find(({ bucket }) => bucket[0] === 'on' && typeof bucket[1] === 'number');
  const off = buckets.find(({ bucket }) => bucket[0] === 'off' && typeof bucket[1] === 'number');
  return on && off ? { on: on.index, off: off.index } : undefined;
}

/** The [path, value] changes that bring the flag to `percentage`, none for what already holds. */
function changesFor(document: FlagdDocument, flag: string, percentage: number): Array<[JSONPath, unknown]> {
  const wanted = withFlagPercentage(document, flag, percentage).flags[flag] as Record<string, unknown>;
  const existing = document.flags[flag];
  if (!isObject(existing)) return [[['flags', flag], wanted]];
  const at = (...path: JSONPath): JSONPath => ['flags', flag, ...path];
  const changes: Array<[JSONPath, unknown]> = [];
  for (const key of ['state', 'defaultVariant'] as const)
    if (existing[key] !== wanted[key]) changes.push([at(key), wanted[key]]);
  const variants = existing.variants;
  if (!isObject(variants)) changes.push([at('variants'), wanted.variants]);
  else {
    if (variants.on !== true) changes.push([at('variants', 'on'), true]);
    if (variants.off !== false) changes.push([at('variants', 'off'), false]);
  }
  const targeting = existing.targeting;
  const fractional = isObject(targeting) ? targeting.fractional : undefined;
  const buckets = onOffBuckets(fractional);
  if (!buckets || !Array.isArray(fractional)) {
    changes.push([at('targeting'), wanted.targeting]);
    return changes;
  }
  // Only the two weights move; a bucketing expression before them (e.g. {"var": "email"}) stays.
  const onBucket = fractional[buckets.on] as [string, number];
  const offBucket = fractional[buckets.off] as [string, number];
  if (onBucket[1] !== percentage) changes.push([at('targeting', 'fractional', buckets.on, 1), percentage]);
  if (offBucket[1] !== 100 - percentage)
    changes.push([at('targeting', 'fractional', buckets.off, 1), 100 - percentage]);
  return changes;
}

/**
 * The flag file's text with `flag` on for `percentage` % of users. A missing or empty file becomes
 * a new flagd document; a malformed one is refused (FlagError naming `where`, line and column).
 */
export function editFlagPercentage(text: string | undefined, flag: string, percentage: number, where: string): string {
  const document = parseFlagDocument(text, where);
  if (text === undefined || text.trim() === '')
    return formatFlagDocument(withFlagPercentage(document, flag, percentage));
  const formatting = formattingOf(text);
  let edited = text;
  for (const [path, value] of changesFor(document, flag, percentage)) {
    // Unformatted, so nothing beside the value moves; modify's own formatting would re-lay-out
    // every line the insertion touches. Only the inserted text is then laid out like the file.
    const edits = modify(edited, path, value, {});
    edited = applyEdits(edited, edits);
    const inserted = edits[0];
    if (formatting && inserted)
      edited = applyEdits(
        edited,
        format(
          edited,
          { offset: inserted.offset, length: inserted.content.length },
          { ...formatting, keepLines: false },
        ),
      );
  }
  return edited;
}
