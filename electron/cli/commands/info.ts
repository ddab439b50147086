import { createNodeEngine } from '../node-engine';

/** `release-pilot info`: what this installation is and where it keeps its data. */
export async function infoCommand(options: { dataDir?: string; json?: boolean }): Promise<void> {
  const engine = createNodeEngine({ dataDir: options.dataDir, host: 'cli' });
  const info = await engine.handlers['app:info']({}, { transport: 'direct' });
  if (options.json) {
    console.log(JSON.stringify(info, null, 2));
  } else {
    console.log(`${info.productName} ${info.version}`);
    console.log(`  node ${info.versions.node} on ${info.platform}/${info.arch}`);
    console.log(`  data: ${info.dataDir}`);
  }
  await engine.close();
  engine.flushLogs();
}
