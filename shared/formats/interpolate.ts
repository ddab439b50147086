// `${…}` variables in runbook and environment values. Interpolation works on one value at a time
// (one argv item, one URL): the result never passes through a shell, so a value holding
// `'; rm -rf / #` stays one literal argument. Remote commands are quoted by the SSH layer's one
// quoting function, after interpolation.

export interface VariableScope {
  version: string;
  previousVersion?: string;
  runId: string;
  commit?: string;
  /** The environment: `${env.name}`, `${env.<variable>}`, `${env.app.image}`, `${env.urls.health}`. */
  env: {
    name: string;
    variables: Record<string, string>;
    app?: { image: string; container: string };
    urls?: { health?: string };
  };
  /** The runbook's `variables:`, as `${name}`. */
  vars: Record<string, string>;
  /** Secret values already resolved for this run, by name. */
  secrets: Record<string, string>;
}

export class InterpolationError extends Error {
  constructor(
    message: string,
    readonly variable: string,
  ) {
    super(message);
    this.name = 'InterpolationError';
  }
}

const reference = /\$\{([^}]*)\}/g;

/** Every `${secret:NAME}` a text refers to, so a run can resolve them all before it starts. */
export function secretNames(text: string): string[] {
  const names: string[] = [];
  // `$${secret:X}` is literal text (as interpolate writes it), so it needs no secret X.
  for (const match of text.split('$${').flatMap((part) => [...part.matchAll(reference)])) {
    const inner = match[1]!.trim();
    if (inner.startsWith('secret:')) names.push(inner.slice('secret:'.length).trim());
  }
  return names;
}

function lookup(name: string, scope: VariableScope): string | undefined {
  if (name === 'version') return scope.version;
  if (name === 'previous_version') return scope.previousVersion;
  if (name === 'run.id') return scope.runId;
  if (name === 'commit') return scope.commit;
  if (name.startsWith('secret:')) {
    // Own keys only: `${secret:constructor}` must not resolve to Object's constructor.
    const secret = name.slice('secret:'.length).trim();
    return Object.hasOwn(scope.secrets, secret) ? scope.secrets[secret] : undefined;
  }
  if (name.startsWith('env.')) {
    const key = name.slice('env.'.length);
    if (key === 'name') return scope.env.name;
    if (key === 'app.image') return scope.env.app?.image;
    if (key === 'app.container') return scope.env.app?.container;
    if (key === 'urls.health') return scope.env.urls?.health;
    return Object.hasOwn(scope.env.variables, key) ? scope.env.variables[key] : undefined;
  }
  return Object.hasOwn(scope.vars, name) ? scope.vars[name] : undefined;
}

function explainMissing(name: string, scope: VariableScope): string {
  if (name === 'previous_version') {
    return `\${previous_version} is not known: environment "${scope.env.name}" has no earlier release recorded`;
  }
  if (name === 'commit') {
    return `\${commit} is not known: version "${scope.version}" has not been resolved to a git commit of the project`;
  }
  if (name.startsWith('secret:')) {
    const secret = name.slice('secret:'.length).trim();
    return `secret "${secret}" is not set (desktop: add it in Settings → Secrets; CLI: export RELEASE_PILOT_SECRET_${secret})`;
  }
  if (name.startsWith('env.')) {
    return `\${${name}} is not defined: add it to environment "${scope.env.name}" (variables:, app: or urls:)`;
  }
  return `\${${name}} is not defined: known are version, previous_version, commit, run.id, env.*, secret:NAME and the runbook's variables`;
}

/** Replaces every `${…}` in one value; `$${` writes a literal `${`. Unknown variables are errors. */
export function interpolate(text: string, scope: VariableScope): string {
  const escaped = text.split('$${');
  return escaped
    .map((part) =>
      part.replace(reference, (_, raw: string) => {
        const name = raw.trim();
        const value = lookup(name, scope);
        if (value === undefined) throw new InterpolationError(explainMissing(name, scope), name);
        return value;
      }),
    )
    .join('${');
}

/** What a title says for `${previous_version}` when the environment has no earlier release. */
export const noEarlierRelease = '(no earlier release)';

/**
 * For text people read (action titles): known variables filled in, secrets and anything not known
 * left as written. A first release has no previous version: its titles say so rather than show
 * `${previous_version}` unresolved. Never throws.
 */
export function interpolateTitle(text: string, scope: VariableScope): string {
  return text
    .split('$${')
    .map((part) =>
      part.replace(reference, (whole, raw: string) => {
        const name = raw.trim();
        if (name.startsWith('secret:')) return whole;
        if (name === 'previous_version') return scope.previousVersion ?? noEarlierRelease;
        return lookup(name, scope) ?? whole;
      }),
    )
    .join('${');
}

/** Interpolates each value of a map (env, labels, build args). */
export function interpolateMap(map: Record<string, string> | undefined, scope: VariableScope): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([key, value]) => [key, interpolate(value, scope)]));
}
