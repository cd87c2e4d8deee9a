/**
 * The part of pdfmake 0.3's runtime API the pack renderer uses (pdfmake ships no types and
 * @types/pdfmake describes 0.2). Same shape for the Node entry and the browser bundle.
 */
interface PdfmakeOutputDocument {
  getBuffer(): Promise<Uint8Array>;
  /** The laid-out, rendered pdfkit document (not yet ended). */
  getStream(): Promise<unknown>;
}

interface PdfmakeVirtualFs {
  writeFileSync(name: string, content: Uint8Array | string, encoding?: string): void;
  existsSync(name: string): boolean;
}

interface PdfmakeInstance {
  virtualfs: PdfmakeVirtualFs;
  createPdf(docDefinition: object, options?: object): PdfmakeOutputDocument;
  addFonts(fonts: object): void;
  setFonts(fonts: object): void;
  setUrlAccessPolicy(callback: ((url: string) => boolean) | undefined): void;
  setLocalAccessPolicy?(callback: ((path: string) => boolean) | undefined): void;
  setProgressCallback(callback: ((progress: number) => void) | undefined): void;
  addVirtualFileSystem?(vfs: Record<string, string | { data: string; encoding?: string }>): void;
}

declare module 'pdfmake' {
  const pdfmake: PdfmakeInstance;
  export default pdfmake;
}

declare module 'pdfmake/build/pdfmake.js' {
  const pdfmake: PdfmakeInstance;
  export default pdfmake;
}
