import { resolve } from 'node:path';

// The command line of `npm run screenshots`: screen names to retake, --build, --out <dir>.

export interface ScreenshotOptions {
  out: string;
  build: boolean;
  only: string[];
}

export function parseScreenshotArgs(args: readonly string[], defaultOut: string): ScreenshotOptions {
  const options: ScreenshotOptions = { out: defaultOut, build: false, only: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--build') options.build = true;
    else if (arg === '--out') {
      const dir = args[++i];
      if (!dir || dir.startsWith('-')) throw new Error('--out needs a folder: npm run screenshots -- --out /tmp/shots');
      options.out = resolve(dir);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}: use --build, --out <dir> or screen names`);
    else options.only.push(arg);
  }
  return options;
}

/** The names asked for that are not screens, for an error that lists the ones that are. */
export function unknownScreens(only: readonly string[], names: readonly string[]): string[] {
  return only.filter((name) => !names.includes(name));
}
