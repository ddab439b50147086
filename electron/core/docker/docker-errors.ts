export type DockerErrorCode =
  | 'engine-unreachable'
  | 'image-not-found'
  | 'container-not-found'
  | 'build-failed'
  | 'unhealthy'
  | 'timeout'
  | 'exec-failed'
  | 'cancelled'
  | 'conflict'
  | 'compose-unavailable';

/** Every failure of the Docker layer, with a code to branch on and a message that names the target and a next step. */
export class DockerError extends Error {
  override readonly name = 'DockerError';
  readonly code: DockerErrorCode;
  /** The target label ("docker on web-1 over SSH"), so the UI can say where it happened. */
  readonly target: string;
  /** The engine's HTTP status, when the failure came back as an API answer. */
  readonly statusCode?: number;

  constructor(
    code: DockerErrorCode,
    message: string,
    options: { target: string; cause?: unknown; statusCode?: number },
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.target = options.target;
    this.statusCode = options.statusCode;
  }
}

/** A spec that cannot become a plan (bad port, bad tag): names the field so the runbook author can fix it. */
export class DockerPlanError extends Error {
  override readonly name = 'DockerPlanError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Where a call went and what it was about, so a raw failure can be turned into a message a person can act on. */
export interface DockerCallContext {
  /** "local socket /var/run/docker.sock", "docker on web-1 over SSH". */
  label: string;
  /** "unix:///var/run/docker.sock", "tcp://10.0.0.5:2375", or the SSH label. */
  endpoint: string;
  /** Set for SSH targets, so hints talk about that host. */
  sshHost?: string;
  /** "start container web-1": the verb phrase used in messages. */
  action: string;
  /** What a 404 means for this call. */
  notFound?: { kind: 'container' | 'image'; name: string };
  /** The code for any other engine refusal. */
  fallback: DockerErrorCode;
}

// Socket-level failures: the engine was never reached, whatever the call was.
const unreachableCodes = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'EACCES',
  'EPERM',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOTSOCK',
  'ESSHDIAL',
]);

interface RawDockerFailure {
  code?: unknown;
  name?: unknown;
  statusCode?: unknown;
  json?: unknown;
  message?: unknown;
}

/** Turns whatever dockerode/docker-modem/node threw into a DockerError; DockerErrors pass through unchanged. */
export function toDockerError(error: unknown, ctx: DockerCallContext): DockerError {
  if (error instanceof DockerError) return error;
  const raw = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as RawDockerFailure;
  const errno = typeof raw.code === 'string' ? raw.code : undefined;
  if (raw.name === 'AbortError' || errno === 'ABORT_ERR') {
    return new DockerError('cancelled', `Cancelled: ${ctx.action} on ${ctx.label}`, {
      target: ctx.label,
      cause: error,
    });
  }
  if (errno && unreachableCodes.has(errno)) return unreachable(ctx, errno, error);
  const statusCode = typeof raw.statusCode === 'number' ? raw.statusCode : undefined;
  const engineSays = engineMessage(raw);
  if (statusCode === 404 && ctx.notFound) {
    const { kind, name } = ctx.notFound;
    const code = kind === 'container' ? 'container-not-found' : 'image-not-found';
    const hint = kind === 'container' ? 'check the container name' : 'build or pull it first, or check the tag';
    return new DockerError(code, `No ${kind} "${name}" on ${ctx.label} (${ctx.action}): ${hint}`, {
      target: ctx.label,
      cause: error,
      statusCode,
    });
  }
  if (statusCode === 409) {
    return new DockerError('conflict', `Cannot ${ctx.action} on ${ctx.label}: ${engineSays}`, {
      target: ctx.label,
      cause: error,
      statusCode,
    });
  }
  const where = statusCode ? `engine answered HTTP ${statusCode}` : (errno ?? 'error');
  return new DockerError(ctx.fallback, `Cannot ${ctx.action} on ${ctx.label} (${where}): ${engineSays}`, {
    target: ctx.label,
    cause: error,
    statusCode,
  });
}

function unreachable(ctx: DockerCallContext, errno: string, cause: unknown): DockerError {
  let hint: string;
  if (ctx.sshHost) {
    const detail = cause instanceof Error ? `${cause.message}. ` : '';
    hint = `${detail}Is dockerd running on ${ctx.sshHost} and the docker CLI installed there (\`docker system dial-stdio\` must work for this user)?`;
  } else if (errno === 'EACCES' || errno === 'EPERM') {
    hint =
      'permission denied on the socket: add your user to the docker group (`sudo usermod -aG docker $USER`, then log in again)';
  } else {
    hint = 'is dockerd running? Start it with `sudo systemctl start docker` or `dockerd &`';
  }
  return new DockerError('engine-unreachable', `Docker engine unreachable at ${ctx.endpoint} (${errno}): ${hint}`, {
    target: ctx.label,
    cause,
  });
}

/** The engine's own words ({"message": "..."} body) rather than docker-modem's "(HTTP code 409) unexpected - ..." wrapper. */
function engineMessage(raw: RawDockerFailure): string {
  const json = raw.json as { message?: unknown } | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string') return json.message.trim();
  if (Buffer.isBuffer(raw.json)) {
    const text = raw.json.toString('utf8').trim();
    if (text) return text;
  }
  return typeof raw.message === 'string' ? raw.message.trim() : String(raw.message);
}
