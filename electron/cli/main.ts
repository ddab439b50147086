import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readAppVersion } from '../core/app-version';
import { quietOnClosedPipe } from './closed-pipe';

// Each verb loads its own code when it runs: `web` should not wait for ssh2, dockerode and
// simple-git to load, nor `--help` for anything at all.
const load = {
  web: () => import('./commands/web'),
  info: () => import('./commands/info'),
  runs: () => import('./commands/runs'),
  validate: () => import('./commands/validate'),
  run: () => import('./commands/run'),
  close: () => import('./commands/close'),
  verify: () => import('./commands/verify'),
  report: () => import('./commands/report'),
  plan: () => import('./commands/plan'),
  releases: () => import('./commands/releases'),
  demo: () => import('./commands/demo'),
};

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError('give a port number from 0 to 65535 (0 = any free port)');
  }
  return port;
}

/** Verbs that later work fills in: listed now so `--help` shows the whole tool, honest about state. */
const comingVerbs: { name: string; args: string; summary: string }[] = [];

export function buildProgram(): Command {
  const program = new Command()
    .name('release-pilot')
    .description('Release Pilot: guided, watched and reversible deployments.')
    .version(readAppVersion(), '-v, --version')
    .showHelpAfterError('(run release-pilot --help for usage)')
    // `run --version <ref>` belongs to the verb; without this the program's own --version would take it.
    .enablePositionalOptions();

  program
    .command('web')
    .description('serve the app to your browser on 127.0.0.1, behind a token')
    .option('-p, --port <port>', 'port to listen on (default 4310, or a free one if taken)', parsePort)
    .option('-d, --data-dir <dir>', 'where settings, runs and logs live')
    .action(async (options: { port?: number; dataDir?: string }) => (await load.web()).webCommand(options));

  program
    .command('info')
    .description('show the version and the data directory')
    .option('-d, --data-dir <dir>', 'where settings, runs and logs live')
    .option('--json', 'print JSON')
    .action(async (options: { dataDir?: string; json?: boolean }) => (await load.info()).infoCommand(options));

  program
    .command('runs')
    .description('list past and open runs, newest first')
    .option('-d, --data-dir <dir>', 'where settings, runs and logs live')
    .option('--json', 'print JSON')
    .action(async (options: { dataDir?: string; json?: boolean }) => (await load.runs()).runsCommand(options));

  program
    .command('validate [path]')
    .description("check a project's runbooks and environments (a folder), or one runbook or environments file")
    .option('--json', 'print the problems as JSON')
    // Validate reads only the project; it takes --data-dir so a script can pass it to every verb.
    .option('-d, --data-dir <dir>', 'accepted for symmetry with the other verbs; validate reads no data')
    .action(async (path: string | undefined, options: { json?: boolean }) =>
      (await load.validate()).validateCommand(path ?? '.', options),
    );

  const dataDirOption = ['-d, --data-dir <dir>', 'where settings, runs and logs live'] as const;

  program
    .command('run')
    .description('run a runbook against an environment; asks on the terminal, or takes --answers')
    .requiredOption('--project <dir>', 'the project folder (a git repository with .release-pilot/)')
    .requiredOption('--env <name>', 'the environment to deploy to')
    .requiredOption('--version <ref>', 'the version to deploy: a tag, branch or commit')
    .option('--runbook <id>', 'which runbook, when the project has several')
    .option('--strategy <name>', "override the runbook's deployment strategy")
    .option('--answers <file>', 'checklist ticks, approvals and failure decisions for a run with no terminal')
    .option('--dry-run', 'print what the run would do, step by step and host by host; run nothing')
    .option('--break-lock <reason>', "break the environment's deploy lock if another run holds it (journaled)")
    .option(
      '--override-window <reason>',
      'start outside the deployment window or in a freeze (your role must be one the runbook allows; journaled)',
    )
    .option(...dataDirOption)
    .option('--json', 'print events and output as NDJSON (with --dry-run: the plan as JSON)')
    .action(async (options) => {
      process.exitCode = await (await load.run()).runCommand(options);
    });

  program
    .command('releases')
    .description("the environment's release history, read from the target: which version was live, when, by which run")
    .requiredOption('--project <dir>', 'the project folder (a git repository with .release-pilot/)')
    .requiredOption('--env <name>', 'the environment')
    .option(...dataDirOption)
    .option('--json', 'print JSON')
    .action(async (options) => {
      process.exitCode = await (await load.releases()).releasesCommand(options);
    });

  program
    .command('rollback')
    .description('deploy the release that was live before the current one (or --to an older one): a run like any other')
    .requiredOption('--project <dir>', 'the project folder (a git repository with .release-pilot/)')
    .requiredOption('--env <name>', 'the environment to roll back')
    .option('--to <version>', 'an older release from the history instead of the previous one')
    .option('--runbook <id>', 'which runbook, when the project has several')
    .option('--strategy <name>', "override the runbook's deployment strategy")
    .option('--answers <file>', 'checklist ticks, approvals and failure decisions for a run with no terminal')
    .option('--break-lock <reason>', "break the environment's deploy lock if another run holds it (journaled)")
    .option('--override-window <reason>', 'start outside the deployment window (journaled)')
    .option(...dataDirOption)
    .option('--json', 'print events and output as NDJSON')
    .action(async (options) => {
      process.exitCode = await (await load.releases()).rollbackCommand(options);
    });

  program
    .command('demo')
    .description(
      'set up the built-in demo project on this machine (Docker; nginx for blue-green) and print what to run',
    )
    .option('--reset', 'back to the first state: containers, nginx, the demo project and its runs removed')
    .option('--status', 'only say whether the demo exists and what it needs (exit 3 when Docker is down)')
    .option(...dataDirOption)
    .option('--json', 'print JSON')
    .action(async (options) => {
      process.exitCode = await (await load.demo()).demoCommand(options);
    });

  program
    .command('plan')
    .description('print the deployment plan for review as markdown: strategy, window, steps per host, people, rollback')
    .requiredOption('--project <dir>', 'the project folder (a git repository with .release-pilot/)')
    .requiredOption('--env <name>', 'the environment to plan for')
    .requiredOption('--version <ref>', 'the version to deploy: a tag, branch or commit')
    .option('--runbook <id>', 'which runbook, when the project has several')
    .option('--strategy <name>', "override the runbook's deployment strategy")
    .option('-o, --output <file>', 'write the markdown to this file instead of stdout')
    .option(...dataDirOption)
    .option('--json', 'print the plan as JSON instead of markdown')
    .action(async (options) => {
      process.exitCode = await (await load.plan()).planCommand(options);
    });

  program
    .command('resume <run-id>')
    .description('resume a run left open by a crash, from the step that was running')
    .option('--answers <file>', 'answers for the rest of the run')
    .option('--break-lock <reason>', "break the environment's deploy lock if another run holds it (journaled)")
    .option(...dataDirOption)
    .option('--json', 'print events and output as NDJSON')
    .action(async (runId: string, options) => {
      process.exitCode = await (await load.run()).resumeCommand(runId, options);
    });

  program
    .command('close <run-id>')
    .description('close a run left open by a crash as failed, and release its deploy lock')
    .requiredOption('--reason <text>', 'why it is closed rather than resumed (journaled)')
    .option('--by <name>', 'who decides (default: your user name)')
    .option(...dataDirOption)
    .action(async (runId: string, options) => {
      process.exitCode = await (await load.close()).closeCommand(runId, options);
    });

  program
    .command('verify <run-id>')
    .description("check a run journal's hash chain; names the first line that breaks it")
    .option(...dataDirOption)
    .option('--json', 'print the verdict as JSON')
    .action(async (runId: string, options) => {
      process.exitCode = await (await load.verify()).verifyCommand(runId, options);
    });

  program
    .command('report <run-id>')
    .description("export a run's deployment report, from its journal: markdown (default) or JSON")
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
    .addOption(new Option('--format <format>', 'md or json').choices(['md', 'json']).default('md'))
    .option(...dataDirOption)
    .action(async (runId: string, options) => {
      process.exitCode = await (await load.report()).reportCommand(runId, options);
    });

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
  quietOnClosedPipe();
  const program = buildProgram();
  // Usage mistakes (a missing option or argument, an unknown one) are exit 2, as docs/cli.md says;
  // commander would exit 1. Help and --version stay 0.
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    console.error(`release-pilot: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
