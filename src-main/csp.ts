/**
 * The Content-Security-Policy of the renderer. It is the same policy as the <meta> tag in
 * src-renderer/index.html (tests/electron/shell-policy.spec.ts fails if they differ); the main process also
 * sends it as a response header, because a header also covers responses that are not the HTML page and
 * cannot be dropped by editing the document. Nothing remote: every source is the app itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte's style: directives and transitions write style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  // The pack worker fetches the PDF fonts from the app itself; nothing else is ever fetched.
  "connect-src 'self'",
  // Only our own module workers (search index, pack generation), served as files of the app.
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
