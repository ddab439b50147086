import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { YamlSource } from './yaml-source';

// Maps a field path of the parsed value (as zod reports it) back to the YAML node it came from, so
// every problem can say line:column. A missing field points at the nearest parent that exists.

export type FieldPath = readonly PropertyKey[];

export interface NodeLookup {
  /** The node found: the one at the path, or the nearest existing parent. */
  node?: Node;
  /** The key node of the last pair walked into (where "unknown field" problems point). */
  keyNode?: Node;
  /** How many path segments exist in the file (path.length when the whole path exists). */
  found: number;
}

function resolveAlias(source: YamlSource, node: unknown): unknown {
  return isAlias(node) ? node.resolve(source.doc) : node;
}

function keyMatches(key: unknown, segment: PropertyKey): boolean {
  const value = isScalar(key) ? key.value : key;
  return String(value) === String(segment);
}

/** Walks the YAML tree along `path`. */
export function lookupNode(source: YamlSource, path: FieldPath): NodeLookup {
  let node = resolveAlias(source, source.doc.contents) as Node | null | undefined;
  let keyNode: Node | undefined;
  let found = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, segment));
      if (!pair) break;
      keyNode = (pair.key ?? undefined) as Node | undefined;
      const value = resolveAlias(source, pair.value) as Node | null;
      // `field:` with nothing after it: no value node, so the key stands for the field.
      node = value ?? keyNode;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = resolveAlias(source, node.items[segment]) as Node | null;
      keyNode = undefined;
    } else {
      break;
    }
    found += 1;
  }
  return { node: node ?? undefined, keyNode, found };
}

export interface Position {
  line: number;
  column: number;
}

export function positionOfNode(source: YamlSource, node: Node | undefined): Position | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/** Where a path's value is (or its nearest parent's, when it is missing). The top of the file otherwise. */
export function positionOfPath(source: YamlSource, path: FieldPath, at: 'value' | 'key' = 'value'): Position {
  const lookup = lookupNode(source, path);
  const node = at === 'key' && lookup.found === path.length && lookup.keyNode ? lookup.keyNode : lookup.node;
  return positionOfNode(source, node) ?? { line: 1, column: 1 };
}

/** `steps[2].actions[0].argv`: indexes in brackets, names dotted (quoted when not plain words). */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(String(segment))) text += text ? `.${String(segment)}` : String(segment);
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}
