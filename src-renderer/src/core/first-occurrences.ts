/** Entries of a list whose key was seen before, first occurrence kept. */
export function firstOccurrences<X>(list: readonly X[], key: (x: X) => string): { kept: X[]; dropped: X[] } {
  const seen = new Set<string>();
  const kept: X[] = [];
  const dropped: X[] = [];
  for (const x of list) {
    const k = key(x);
    if (seen.has(k)) dropped.push(x);
    else {
      seen.add(k);
      kept.push(x);
    }
  }
  return { kept, dropped };
}
