/**
 * One fixed seed for every property test (fast-check), so a run in CI is reproducible and a failure can be
 * replayed exactly: `FC_SEED=<seed> [FC_PATH=<path>] npx vitest run <file>`. Use it in every `fc.assert`:
 *
 *   fc.assert(fc.property(…), fcOptions())              // or fcOptions({ numRuns: 200 })
 *
 * On failure fast-check's own report is printed (it names the seed and the path of the counterexample),
 * preceded by the line `fast-check seed: N (replay with FC_SEED=N FC_PATH=…)`.
 */
import fc from 'fast-check';

/** The seed every property test starts from unless FC_SEED says otherwise. */
export const FC_DEFAULT_SEED = 20261204;

export function fcSeed(): number {
  const raw = process.env.FC_SEED;
  if (raw === undefined || raw === '') return FC_DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, not "${raw}".`);
  return seed;
}

/** Options for `fc.assert`: the fixed (or FC_SEED) seed, FC_PATH to replay a shrunk case, and a report that names the seed. */
export function fcOptions<Ts>(extra: fc.Parameters<Ts> = {}): fc.Parameters<Ts> {
  const seed = fcSeed();
  const path = process.env.FC_PATH || undefined;
  return {
    ...extra,
    seed,
    ...(path ? { path } : {}),
    reporter: (details) => {
      if (!details.failed) return;
      // fast-check's default report (seed, path, counterexample, error), with the replay command first.
      throw new Error(`fast-check seed: ${seed} (replay with FC_SEED=${seed} FC_PATH=${details.counterexamplePath ?? ''})\n${fc.defaultReportMessage(details)}`);
    },
  };
}
