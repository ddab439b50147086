import { Command, InvalidArgumentError } from 'commander';
import { readAppVersion } from '../core/app-version';
import { infoCommand } from './commands/info';
import { runsCommand } from './commands/runs';
import { webCommand } from './commands/web';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError('give a port number from 0 to 65535 (0 = any free port)');
  }
  return port;
}

/** Verbs that later work fills in: listed now so `--help` shows the whole tool, honest about state. */
const comingVerbs: { name: string; args: string; summary: string }[] = [
  { name: 'validate', args: '[project]', summary: "check a project's runbooks and environments" },
  { name: 'plan', args: '[project]', summary: 'print the deployment plan for review' },
  { name: 'run', args: '[project]', summary: 'run a runbook against an environment, headless' },
  { name: 'report', args: '<run-id>', summary: 'export the markdown deployment report of a run' },
  { name: 'verify', args: '<run-id>', summary: "check a run journal's hash chain" },
];

export function buildProgram(): Command {
  const program = new Command()
    .name('release-pilot')
    .description('Release Pilot: guided, watched and reversible deployments.')
    .version(readAppVersion(), '-v, --version')
    .showHelpAfterError('(run release-pilot --help for usage)');

  program
    .command('web')
    .description('serve the app to your browser on 127.0.0.1, behind a token')
    .option('-p, --port <port>', 'port to listen on (default 4310, or a free one if taken)', parsePort)
    .option('-d, --data-dir <dir>', 'where settings, runs and logs live')
    .action((options: { port?: number; dataDir?: string }) => webCommand(options));

  program
    .command('info')
    .description('show the version and the data directory')
    .option('-d, --data-dir <dir>', 'where settings, runs and logs live')
    .option('--json', 'print JSON')
    .action((options: { dataDir?: string; json?: boolean }) => infoCommand(options));

  program
    .command('runs')
    .description('list past and open runs, newest first')
    .option('-d, --data-dir <dir>', 'where settings, runs and logs live')
    .option('--json', 'print JSON')
    .action((options: { dataDir?: string; json?: boolean }) => runsCommand(options));

  for (const verb of comingVerbs) {
    program
      .command(`${verb.name} ${verb.args}`)
      .description(`${verb.summary} (not in this version yet)`)
      .allowUnknownOption()
      .action(() => {
        console.error(`release-pilot ${verb.name}: not in this version (${readAppVersion()}) yet`);
        process.exitCode = 2;
      });
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    console.error(`release-pilot: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
