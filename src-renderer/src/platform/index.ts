import type { Bridge } from './bridge';
import { createBrowserBridge } from './browser';
import { createElectronBridge } from './electron';

declare const __APP_VERSION__: string;

let bridge: Bridge | undefined;

/** The platform the UI runs on: Electron when the preload API is present, the browser otherwise. */
export function platform(): Bridge {
  bridge ??= window.attache ? createElectronBridge(window.attache) : createBrowserBridge(__APP_VERSION__);
  return bridge;
}

export type { Bridge } from './bridge';
