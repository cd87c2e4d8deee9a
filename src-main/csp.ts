/**
 * The Content-Security-Policy of the renderer. It is the same policy as the <meta> tag in
 * src-renderer/index.html (tests/electron/shell-policy.spec.ts fails if they differ); the main process also
 * sends it as a response header, because a header also covers responses that are not the HTML page and
 * cannot be dropped by editing the document. Nothing remote: every source is the app itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-src blob:',
].join('; ');
