import { isAbsolute, resolve } from 'node:path';

// What a launch of the desktop app was given on its command line. The installed app with a folder
// argument (or, unpackaged, `npm start -- <folder>`) opens that project, the way editors open
// a folder; a second launch hands its arguments to the running app (single-instance lock), which
// opens the folder there instead of starting another app.

export interface LaunchContext {
  /** Packaged, argv is [app, ...args]; unpackaged, [electron, app path or main script, ...args]. */
  isPackaged: boolean;
  /** Where the launch was made from: relative folders are relative to it. */
  workingDirectory: string;
}

/**
 * The project folder a launch names, absolute, or undefined when it names none. Switches
 * (`--flag`, `--flag=value`, which Chromium, Electron and Playwright add, before the app path
 * too) are not folders; unpackaged, the first other argument is the app itself.
 */
export function projectFolderFromArgv(argv: readonly string[], context: LaunchContext): string | undefined {
  const plain = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'));
  const folder = (context.isPackaged ? plain : plain.slice(1)).at(-1);
  if (folder === undefined) return undefined;
  return isAbsolute(folder) ? folder : resolve(context.workingDirectory, folder);
}
