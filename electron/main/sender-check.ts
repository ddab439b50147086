import type { PageAllowList } from './app-origin';

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of an IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

/** The parts of our window's WebContents the check reads. */
export interface WindowContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string; url?: string };

/**
 * An IPC call is ours only when it comes from the main frame (not an iframe) of our window's
 * webContents, and that frame shows one of our pages. Anything else — another window, a
 * subframe, a frame that has navigated away (senderFrame is then null) — is refused.
 */
export function createSenderCheck(
  getWindowContents: () => WindowContentsLike | undefined,
  pages: PageAllowList,
): (event: InvokeEventLike) => SenderVerdict {
  return (event) => {
    const contents = getWindowContents();
    if (!contents || contents.isDestroyed()) return { trusted: false, reason: 'the app window is not open' };
    if (event.sender.id !== contents.id) return { trusted: false, reason: 'not sent by the app window' };
    const frame = event.senderFrame;
    if (!frame) return { trusted: false, reason: 'the sending frame has navigated away or closed' };
    const main = contents.mainFrame;
    // Electron hands out one WebFrameMain object per frame, so identity is the normal match; the
    // id pair covers a wrapper re-created for the same frame.
    const isMainFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
    if (!isMainFrame) return { trusted: false, reason: 'sent by a subframe, not the main frame', url: frame.url };
    if (!pages.isOwnPage(frame.url))
      return { trusted: false, reason: 'the frame is not showing our page', url: frame.url };
    return { trusted: true };
  };
}
