/**
 * Reading a pack PDF with the real poppler tools, for the pack specs and the builder's Vitest tests
 * alike (tests/unit/pack-fixture.ts re-exports it). It must stay free of JSON imports: Playwright's ESM
 * loader refuses a bare JSON `import` without an import attribute.
 */
import { spawnSync } from 'node:child_process';

/** Run a command-line tool; stdout, exit status and stderr (throws only when it cannot be started). */
export function run(cmd: string, args: string[], input?: Uint8Array): { stdout: string; status: number; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, status: r.status ?? -1, stderr: r.stderr };
}

/** Text of each page (pdftotext -raw keeps table cells' lines together), whitespace collapsed. */
export function pagesText(pdf: string): string[] {
  const { stdout, status, stderr } = run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
  // A failed read must fail the test, not hand back no pages for a "does not contain" check to pass on.
  if (status !== 0) throw new Error(`pdftotext could not read ${pdf}: ${stderr.trim()}`);
  const pages = stdout.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  if (!pages.length) throw new Error(`pdftotext found no pages in ${pdf}`);
  return pages.map((p) => p.replace(/\s+/g, ' ').trim());
}
