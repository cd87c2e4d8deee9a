/**
 * The name offered when a pack is saved: the pack's title and its date of issue, e.g.
 * `Dushanbe-briefing-pack-2026-11-26.pdf`. It must be a valid file name on Windows, macOS and Linux
 * whatever the user typed as a title, so anything a file system or a shell could trip over goes.
 */
const MAX_STEM = 80;

export function packFileName(title: string, issueDate: string): string {
  const stem = title
    .normalize('NFKC')
    // Letters (any script), digits and a few safe marks only, as the Electron save dialog's own check
    // (src-main/validate.ts) keeps: path separators, wildcards, quotes, shell characters and control
    // characters all become one dash.
    .replace(/[^\p{L}\p{M}\p{N}._()]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/[-.]+$/g, '');
  const named = !stem ? 'briefing-pack' : /briefing-pack/i.test(stem) ? stem : `${stem}-briefing-pack`;
  return /^\d{4}-\d{2}-\d{2}$/.test(issueDate) ? `${named}-${issueDate}.pdf` : `${named}.pdf`;
}
