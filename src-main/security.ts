import { app, type Session, type WebContents } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-url';

/**
 * The hardening that applies to every window and to the session, after 1Password's electron-secure-defaults:
 * nothing remote, no permissions, no navigation away from the app, no new windows, no <webview>, no
 * downloads behind the app's back.
 */

/** The electron-vite dev server's origin, only when running unpackaged under `electron-vite dev`. */
export function devOrigin(): string | undefined {
  const url = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

// Chromium's own pages (devtools) and in-page data are fine; every other scheme is refused.
const LOCAL_SCHEMES = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:']);

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Files leave the app only through the save dialog (file:save); a download would bypass it.
  ses.on('will-download', (event) => event.preventDefault());

  // Nothing remote, even if a bug let a page ask for it; the dev server (and its HMR socket) in development only.
  const dev = devOrigin();
  const devSocket = dev?.replace(/^http/, 'ws');
  ses.webRequest.onBeforeRequest((details, callback) => {
    let cancel = true;
    try {
      const url = new URL(details.url);
      if (LOCAL_SCHEMES.has(url.protocol)) cancel = false;
      else if (dev && (url.origin === dev || `${url.protocol}//${url.host}` === devSocket)) cancel = false;
    } catch {
      cancel = true;
    }
    if (cancel) console.warn(`[attache] blocked a request to ${details.url}`);
    callback({ cancel });
  });
}

/** Applied to every WebContents the app ever creates (windows, devtools, anything a bug might open). */
export function hardenWebContents(contents: WebContents): void {
  const dev = devOrigin();
  const stayInApp = (event: Electron.Event, url: string) => {
    if (!isAppUrl(url, dev)) {
      event.preventDefault();
      console.warn(`[attache] blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The app is offline: no link ever opens a window, in the app or outside it.
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[attache] blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}
