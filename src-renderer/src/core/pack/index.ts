/**
 * The pack builder's platform-free API (safe to import from UI code and from a worker):
 * options + validation, selection with live counts, the document builder, file naming.
 * Rendering to bytes: `render-node.ts` (Node) or `render-browser.ts` (browser / Web Worker).
 */
export * from './options';
export * from './select';
export { buildPackDocument, packDefinition, type PackPdf, KIND_STYLE } from './document';
export { PackError, type PackProgress, type PackPhase, type RenderHooks, type RenderedPack } from './render';
