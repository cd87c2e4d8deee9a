/**
 * Reading a pack PDF with the real tools, the same way as the builder's tests (tests/unit/pack-fixture.ts;
 * that module cannot be imported here because it pulls in the example's JSON without an import attribute,
 * which Playwright's ESM loader refuses).
 */
import { spawnSync } from 'node:child_process';

/** Run a command-line tool; stdout, exit status and stderr. */
export function run(cmd: string, args: string[]): { stdout: string; status: number; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, status: r.status ?? -1, stderr: r.stderr };
}

/** Text of each page (pdftotext -raw keeps table cells' lines together), whitespace collapsed. */
export function pagesText(pdf: string): string[] {
  const { stdout } = run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
  const pages = stdout.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages.map((p) => p.replace(/\s+/g, ' ').trim());
}
