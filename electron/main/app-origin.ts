// Where our own pages live. The packaged renderer is served from a privileged custom scheme
// rather than file://, so it has a real origin of its own: file:// pages share one origin with
// every file on the disk, and could read each other. In development electron-vite's dev server
// serves it instead, at the URL it passes in ELECTRON_RENDERER_URL.

export const appScheme = 'app';
export const appHost = 'release-pilot';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * `scheme://host[:port]` of a URL, or undefined when it does not parse. Written out by hand
 * because WHATWG URL reports the origin of a custom scheme (app://…) as the string "null".
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return undefined;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** Tells whether a URL is one of our own pages: the app scheme, plus the dev server in dev. */
export interface PageAllowList {
  readonly origins: readonly string[];
  isOwnPage(url: string): boolean;
}

/**
 * The dev server is trusted only when the app is not packaged: a packaged app must never load
 * code from a port on localhost that some other program may be listening on.
 */
export function createPageAllowList(options: { isPackaged: boolean; devServerUrl?: string }): PageAllowList {
  const origins = [appOrigin];
  const devOrigin = options.devServerUrl ? originOf(options.devServerUrl) : undefined;
  if (!options.isPackaged && devOrigin?.startsWith('http://')) origins.push(devOrigin);
  return {
    origins,
    isOwnPage: (url) => {
      const origin = originOf(url);
      return origin !== undefined && origins.includes(origin);
    },
  };
}

/** The URL the window loads: the dev server in development, our scheme otherwise. */
export function rendererEntryUrl(options: { isPackaged: boolean; devServerUrl?: string }): string {
  const list = createPageAllowList(options);
  return options.devServerUrl && list.origins.length > 1 ? options.devServerUrl : appEntryUrl;
}
