import { readdir, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { lineSplitter } from '../lib/line-splitter';
import { type DockerClient, dockerCall } from './docker-client';
import { DockerError } from './docker-errors';
import type { BuildPlan, TagPlan } from './docker-plans';

/** One message of the engine's build stream (classic builder JSON lines). */
interface BuildMessage {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { code?: number; message?: string };
  aux?: { ID?: string };
}

export interface BuildOptions {
  signal?: AbortSignal;
}

/** Tars the context, streams the engine's build output line by line, returns the image id. */
export async function runBuild(
  client: DockerClient,
  plan: BuildPlan,
  onOutput: (line: string) => void,
  options: BuildOptions = {},
): Promise<{ imageId: string }> {
  const entries = await contextEntries(client, plan);
  const action = `build ${plan.tags.join(', ')}`;
  const stream = (await dockerCall(
    client,
    action,
    () => client.docker.buildImage({ context: plan.context, src: entries }, buildQuery(plan, options.signal)),
    { fallback: 'build-failed' },
  )) as Readable;

  let imageId: string | undefined;
  let failure: string | undefined;
  // The instruction being run when the error came: the message alone ("returned a non-zero code: 1") rarely says.
  let lastStep: string | undefined;
  const onMessage = (message: BuildMessage) => {
    const text = message.stream ?? message.status;
    if (text) {
      for (const line of text.split('\n')) {
        const trimmed = line.replace(/\r$/, '');
        if (!trimmed) continue;
        if (trimmed.startsWith('Step ')) lastStep = trimmed;
        onOutput(trimmed);
      }
    }
    if (message.aux?.ID) imageId = message.aux.ID;
    if (message.error || message.errorDetail) {
      failure = message.errorDetail?.message ?? message.error;
      if (failure) onOutput(failure);
    }
  };

  await dockerCall(client, action, () => consumeJsonLines(stream, onMessage), { fallback: 'build-failed' });
  if (failure !== undefined) {
    const at = lastStep ? ` at "${lastStep}"` : '';
    throw new DockerError(
      'build-failed',
      `Build of ${plan.tags.join(', ')} on ${client.label} failed${at}: ${failure}`,
      {
        target: client.label,
      },
    );
  }
  if (!imageId) {
    // Older engines do not send aux.ID; the first tag names the image just built.
    const info = await dockerCall(
      client,
      `inspect ${plan.tags[0]}`,
      () => client.docker.getImage(plan.tags[0]!).inspect(),
      {
        notFound: { kind: 'image', name: plan.tags[0]! },
        fallback: 'build-failed',
      },
    );
    imageId = info.Id;
  }
  return { imageId };
}

// The typings allow one `t`; the engine takes it repeated, and docker-modem's querystring repeats arrays.
function buildQuery(plan: BuildPlan, signal: AbortSignal | undefined): Dockerode.ImageBuildOptions {
  return { ...plan.query, abortSignal: signal } as unknown as Dockerode.ImageBuildOptions;
}

async function contextEntries(client: DockerClient, plan: BuildPlan): Promise<string[]> {
  const isDir = await stat(plan.context).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    throw new DockerError('build-failed', `Build context ${plan.context} is not a readable directory`, {
      target: client.label,
    });
  }
  const entries = await readdir(plan.context);
  if (!entries.includes(plan.query.dockerfile) && !plan.query.dockerfile.includes('/')) {
    throw new DockerError('build-failed', `No ${plan.query.dockerfile} in build context ${plan.context}`, {
      target: client.label,
    });
  }
  return entries;
}

function consumeJsonLines(stream: Readable, onMessage: (message: BuildMessage) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const push = lineSplitter((line) => {
      if (!line.trim()) return;
      try {
        onMessage(JSON.parse(line) as BuildMessage);
      } catch {
        // Not JSON: pass the text through rather than lose it.
        onMessage({ stream: line });
      }
    });
    stream.on('data', (chunk: Buffer) => push(chunk));
    stream.once('error', reject);
    stream.once('end', () => {
      push.flush();
      resolve();
    });
  });
}

/** docker tag: the source must exist; the target is repo:tag. */
export async function runTag(client: DockerClient, plan: TagPlan): Promise<void> {
  await dockerCall(
    client,
    `tag ${plan.source} as ${plan.repo}:${plan.tag}`,
    () => client.docker.getImage(plan.source).tag({ repo: plan.repo, tag: plan.tag }),
    { notFound: { kind: 'image', name: plan.source }, fallback: 'image-not-found' },
  );
}
