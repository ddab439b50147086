import type { Problem } from '../../../shared/api/schemas/common';
import { type Origin, problemAt } from './load-yaml-with-schema';
import type { FieldPath } from './node-position';
import { isRecord } from './yaml-source';

// `${…}` references are resolved at run time (shared/formats/interpolate.ts); a misspelt one would
// only fail mid-deployment. Here they are checked when the file is loaded, as warnings, so a typo
// like `${verison}` is caught during review.

const fixedNames = new Set(['version', 'previous_version', 'commit', 'run.id']);
const environmentNames = new Set(['env.name', 'env.app.image', 'env.app.container', 'env.urls.health']);
const reference = /\$\{([^}]*)\}/g;

export interface VariableContext {
  /** The runbook's own `variables:` names. */
  runbookVariables: ReadonlySet<string>;
  /** Every environment's `variables:` names; undefined when no environments are known (single-file check). */
  environmentVariables?: ReadonlySet<string>;
}

/** Why a reference cannot resolve, or undefined when it can (or may, depending on the environment). */
export function unknownVariable(name: string, context: VariableContext): string | undefined {
  if (fixedNames.has(name) || environmentNames.has(name) || context.runbookVariables.has(name)) return undefined;
  if (name.startsWith('secret:')) {
    return /^secret:\s*[A-Za-z_][A-Za-z0-9_]*\s*$/.test(name)
      ? undefined
      : `\${${name}}: a secret name is letters, digits and _ (e.g. \${secret:DEPLOY_TOKEN})`;
  }
  if (name.startsWith('env.')) {
    const key = name.slice('env.'.length);
    if (!context.environmentVariables || context.environmentVariables.has(key)) return undefined;
    return `\${${name}} is not defined by any environment: add \`${key}\` to an environment's variables:`;
  }
  return `\${${name}} is not a known variable: use version, previous_version, commit, run.id, env.name, env.app.image, env.app.container, env.urls.health, env.<variable>, secret:NAME or one of the runbook's variables:`;
}

function walkStrings(value: unknown, path: PropertyKey[], visit: (text: string, path: FieldPath) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walkStrings(item, [...path, i], visit);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit);
  }
}

/** A warning for every reference in `value` that cannot resolve, at the string that holds it. */
export function variableWarnings(value: unknown, origin: Origin, context: VariableContext): Problem[] {
  const problems: Problem[] = [];
  walkStrings(value, [], (text, path) => {
    // `$${` writes a literal `${`: not a reference.
    for (const part of text.split('$${')) {
      for (const match of part.matchAll(reference)) {
        const why = unknownVariable(match[1]!.trim(), context);
        if (why) problems.push(problemAt(origin, path, 'warning', why));
      }
    }
  });
  return problems;
}
