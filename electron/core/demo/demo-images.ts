import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runBuild } from '../docker/build-image';
import type { DockerClient } from '../docker/docker-client';
import { planBuild, versionLabel } from '../docker/docker-plans';
import { demoBaseImage } from './demo-base-image';
import { demoImage } from './demo-layout';
import { demoVersions } from './demo-releases';
import { serviceFilesAt } from './demo-repository';

// Each release's image is built from its tag's service/ folder (git, not the working tree), with
// the Dockerfile kept in the repository: the demo's images are what its history says.

export interface BuiltImages {
  base: string;
  images: string[];
}

export async function buildDemoImages(
  client: DockerClient,
  projectRoot: string,
  progress: (message: string) => void,
): Promise<BuiltImages> {
  const base = await demoBaseImage(client);
  progress(`Base image: ${base.source}`);
  const images: string[] = [];
  for (const version of demoVersions) {
    const tag = `${demoImage}:${version}`;
    progress(`Building ${tag} from tag ${version}`);
    const context = await mkdtemp(join(tmpdir(), 'rp-demo-build-'));
    try {
      for (const file of await serviceFilesAt(projectRoot, version)) {
        const target = join(context, file.path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.content, { mode: file.mode });
      }
      const plan = planBuild({
        context,
        tags: [tag],
        buildArgs: { BASE: base.ref },
        labels: { [versionLabel]: version },
      });
      await runBuild(client, plan, () => undefined);
      images.push(tag);
    } finally {
      await rm(context, { recursive: true, force: true });
    }
  }
  return { base: base.source, images };
}
