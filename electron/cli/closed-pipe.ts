/**
 * `release-pilot runs | head`: once the reader has what it wants and closes the pipe, output has
 * nowhere to go. Like `git log | head`, the verb ends quietly instead of printing a stack trace for
 * the unhandled EPIPE. Nothing else is hidden: any other stream error still surfaces. (A `run`
 * goes on regardless: its journal and lock matter more than its printing, see commands/run.ts.)
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}
