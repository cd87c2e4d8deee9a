/** What a screen says about a record it cannot show (RecordBoundary): one plain sentence, never a stack. */
import { messageOf } from '../../core/errors';

export function recordErrorText(noun: string, error: unknown): string {
  const raw = messageOf(error);
  // Svelte's own errors read "code\nexplanation\nhttps://svelte.dev/e/code": keep the explanation's gist.
  const reason = /each_key_duplicate/.test(raw)
    ? 'it lists the same entry twice'
    : (raw.split('\n').find((l) => l.trim() && !/^https?:\/\//.test(l) && !/^[a-z_]+$/.test(l.trim())) ?? 'it is damaged').trim().replace(/\.$/, '');
  return `This ${noun} cannot be shown: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}. Settings → Check this workspace lists what is wrong.`;
}
