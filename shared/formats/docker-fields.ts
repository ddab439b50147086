// What Docker itself accepts, checked once: the runbook and environment schemas refuse it at
// `validate`, and the docker runner refuses the same (after `${…}` are resolved), with the same words.

export const healthcheckTestHint =
  'must start with "CMD" (then the argv, e.g. ["CMD", "wget", "-q", "-O-", "http://127.0.0.1/health"]), "CMD-SHELL" (then one shell command) or "NONE" (Docker API form)';

/** A healthcheck `test:` Docker runs: CMD + argv, CMD-SHELL + one command, or NONE. */
export function healthcheckTestProblem(test: readonly string[]): string | undefined {
  const first = test[0];
  return first === 'CMD' || first === 'CMD-SHELL' || first === 'NONE' ? undefined : healthcheckTestHint;
}

/** For the schemas: a value with `${…}` is checked once they are resolved (by the runner). */
export const unlessVariable =
  (problem: (text: string) => string | undefined) =>
  (text: string): string | undefined =>
    text.includes('${') ? undefined : problem(text);

export function containerNameProblem(name: string): string | undefined {
  if (/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) return undefined;
  return `"${name}" is not a container name (letters, digits, _ . -)`;
}

export function imageRefProblem(ref: string): string | undefined {
  if (/^[a-z0-9][A-Za-z0-9._\-/:@]*$/.test(ref) && !/[:/]$/.test(ref)) return undefined;
  return `"${ref}" is not an image reference (lowercase name[:tag], e.g. "web:1.4.2")`;
}

export function composeProjectProblem(name: string): string | undefined {
  if (/^[a-z0-9][a-z0-9_-]*$/.test(name)) return undefined;
  return `"${name}" must be lowercase letters, digits, - and _`;
}

export interface ParsedPort {
  hostIp?: string;
  hostPort?: string;
  containerPort: string;
  proto?: string;
}

/** "8080:80", "127.0.0.1:8080:80", "127.0.0.1::80" or "80" (any free host port), "8080:80/udp". */
export function parsePortMapping(text: string): ParsedPort | undefined {
  // A container port alone, as `docker run -p 80` takes it (and environments' app.ports are written).
  const alone = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(text);
  if (alone) return inRange(alone[1]!) ? { containerPort: alone[1]!, proto: alone[2] } : undefined;
  const match = /^(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d{1,5})?:?(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(text);
  if (!match || !text.includes(':')) return undefined;
  const [, hostIp, hostPort, containerPort, proto] = match;
  for (const port of [hostPort, containerPort]) if (port !== undefined && !inRange(port)) return undefined;
  return { hostIp, hostPort, containerPort: containerPort!, proto };
}

const inRange = (port: string) => Number(port) >= 1 && Number(port) <= 65535;
