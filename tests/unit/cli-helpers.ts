/**
 * Running the `attache` command line in tests: in this process through the same dispatcher users run
 * (fast, with what it prints captured), or as a real process for exit codes and output as a shell sees them.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { vi } from 'vitest';
import { main } from '../../src-main/cli/index';

/**
 * `cli(...argv)` runs `attache <prefix…> <argv…>` and resolves to its exit code; `out` and `err` then hold
 * what that run printed with console.log and console.error, one entry per call.
 */
export function cliRunner(prefix: readonly string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  async function cli(...argv: string[]): Promise<number> {
    out.length = 0;
    err.length = 0;
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    try {
      return await main([...prefix, ...argv]);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }
  return { cli, out, err };
}

/** `attache <argv…>` in its own process (through tsx, as `npm run cli` does): exit code, stdout, stderr. */
export async function spawnCli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['src-main/cli/index.ts', ...argv]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw e;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
