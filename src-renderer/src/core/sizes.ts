/** Sizes of files and storage as people read them, one wording for every screen that shows one. */

/** Bytes in binary units, as file managers show them: "512 bytes", "1.5 KB", "24 MB", "1.2 GB". */
export function bytesText(bytes: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'];
  if (bytes < 1024) return `${Math.max(0, Math.round(bytes))} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // One decimal below 10 ("2.4 MB"), none above ("240 MB"): enough to see a change, no false precision.
  const shown = value < 9.95 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}
