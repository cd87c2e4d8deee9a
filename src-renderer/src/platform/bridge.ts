/**
 * Everything the UI needs from the platform, behind one interface. The Electron implementation goes
 * through the preload API (native dialogs, files on disk); the browser implementation uses downloads
 * and file inputs. The UI never checks which one it has.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface Bridge {
  readonly kind: 'electron' | 'browser';
  readonly appVersion: string;
  /** Save bytes where the user chooses. Resolves to the saved file's name, or null if the user cancelled. */
  saveFile(options: { suggestedName: string; bytes: Uint8Array; mimeType: string; filters: FileFilter[] }): Promise<string | null>;
  /** Let the user pick one file. Resolves to null if the user cancelled. */
  openFile(options: { filters: FileFilter[] }): Promise<PickedFile | null>;
  /** Keep an automatic backup. Resolves to where it went, or null where the platform keeps none. */
  writeBackup(name: string, bytes: Uint8Array): Promise<string | null>;
  /** Menu commands from the native menu (Electron); a no-op subscription in the browser. */
  onCommand(listener: (command: string) => void): () => void;
}

/** The shape the preload script exposes as `window.attache` (see src-main/preload). */
export interface PreloadApi {
  appVersion: string;
  saveFile(options: { suggestedName: string; bytes: Uint8Array; filters: FileFilter[] }): Promise<string | null>;
  openFile(options: { filters: FileFilter[] }): Promise<PickedFile | null>;
  writeBackup(name: string, bytes: Uint8Array): Promise<string | null>;
  onCommand(listener: (command: string) => void): () => void;
}

declare global {
  interface Window {
    attache?: PreloadApi;
  }
}
