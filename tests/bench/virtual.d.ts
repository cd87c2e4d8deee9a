/** Provided by scripts/bench.mjs at build time: the default export of tests/bench/<name>.bench.ts. */
declare module 'virtual:attache-bench' {
  const bench: import('./host').Bench;
  export default bench;
}
