import type { Problem } from '../../../shared/api/schemas/common';
import { type Origin, problemAt } from './load-yaml-with-schema';
import { isRecord } from './yaml-source';

// `requires:` cycles (staging requires production requires staging): no environment on the cycle
// can ever start, since each needs another to have passed first. An error, reported once per cycle
// at the `requires:` entry that closes it. The edge a start adds by itself (a protected environment
// without `requires:` needs staging, when there is one) counts too, as the start guard applies it.

type Edge = { to: string; index?: number };

function edgesOf(envs: Record<string, unknown>): Map<string, Edge[]> {
  const names = Object.keys(envs);
  const edges = new Map<string, Edge[]>();
  for (const [name, env] of Object.entries(envs)) {
    const requires = isRecord(env) && Array.isArray(env.requires) ? env.requires : [];
    const explicit = requires.flatMap((to, index) =>
      typeof to === 'string' && names.includes(to) ? [{ to, index }] : [],
    );
    const implied =
      requires.length === 0 &&
      isRecord(env) &&
      env.protected === true &&
      name !== 'staging' &&
      names.includes('staging')
        ? [{ to: 'staging' }]
        : [];
    edges.set(name, [...explicit, ...implied]);
  }
  return edges;
}

export function requiresCycleProblems(raw: unknown, origin: Origin): Problem[] {
  const envs = isRecord(raw) && isRecord(raw.environments) ? raw.environments : {};
  const edges = edgesOf(envs);
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const done = new Set<string>();
  // Depth-first from each environment in file order; an edge back to one on the path closes a
  // cycle. vias[k] is the edge from path[k] to path[k + 1].
  const visit = (path: string[], vias: Edge[]) => {
    const name = path[path.length - 1]!;
    for (const edge of edges.get(name) ?? []) {
      const at = path.indexOf(edge.to);
      if (at >= 0) {
        const nodes = path.slice(at);
        const cycleEdges = [...vias.slice(at), edge];
        const key = [...nodes].sort().join(' ');
        if (reported.has(key)) continue;
        reported.add(key);
        // Point at an explicit `requires:` entry on the cycle (an implied edge has none).
        const k = Math.max(
          0,
          cycleEdges.findIndex((e) => e.index !== undefined),
        );
        const chain = [...nodes, edge.to].join(' → ');
        const message = `requires: forms a cycle (${chain}): none of these environments can ever start, each needs another to have passed first`;
        problems.push(
          problemAt(origin, ['environments', nodes[k]!, 'requires', cycleEdges[k]!.index ?? 0], 'error', message),
        );
        continue;
      }
      if (!done.has(edge.to)) visit([...path, edge.to], [...vias, edge]);
    }
    done.add(name);
  };
  for (const name of edges.keys()) if (!done.has(name)) visit([name], []);
  return problems;
}
