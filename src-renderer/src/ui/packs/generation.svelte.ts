/**
 * One pack generation at a time: its progress, its outcome, and how to stop it. Kept outside the
 * screen component so that a run survives leaving the Packs screen and coming back.
 */
import { messageOf } from '../../core/errors';
import { copyFileName, type PackCopy } from '../../core/document/pack';
import type { PackOptions } from '../../core/pack/options';
import type { PackPhase } from '../../core/pack/render';
import { EmptyPackError, generatePack, type PackFormat } from '../../data/pack-client';
import { platform } from '../../platform';
import { locale, t } from '../app/locale.svelte';
import { toasts } from '../app/toasts.svelte';

export type GenerationStatus = 'idle' | 'running' | 'saving' | 'saved' | 'cancelled' | 'failed';

/** What a saved file is, for the save dialog and the outcome line. */
const FORMATS: Record<PackFormat, { mimeType: string; filter: 'packs.format.pdf' | 'packs.format.docx'; extension: string }> = {
  pdf: { mimeType: 'application/pdf', filter: 'packs.format.pdf', extension: 'pdf' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filter: 'packs.format.docx', extension: 'docx' },
};

class PackGeneration {
  status = $state<GenerationStatus>('idle');
  fraction = $state(0);
  phase = $state<PackPhase>('fonts');
  /** What the current (or last) run writes. */
  format = $state<PackFormat>('pdf');
  /** One line for the user after a failure, a cancel or a save. */
  message = $state('');
  private controller: AbortController | undefined;

  get running(): boolean {
    return this.status === 'running' || this.status === 'saving';
  }

  get phaseLabel(): string {
    if (this.status === 'saving') return t('packs.phase.saving');
    return this.format === 'docx' && this.phase !== 'done' ? t('packs.phase.word') : t(`packs.phase.${this.phase}`);
  }

  /**
   * Generate and save a pack; with numbered copies, one PDF per copy, each generated and saved in turn
   * (one file per recipient, as a registry logs and sends them: core/document/pack.ts copyFileName).
   * `fileName` is the PDF's; a Word pack takes the same name ending in .docx.
   */
  async start(dbName: string, options: PackOptions, fileName: string, copies: readonly PackCopy[] = [], format: PackFormat = 'pdf'): Promise<void> {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'running';
    this.fraction = 0;
    this.phase = 'fonts';
    this.message = '';
    this.format = format;
    const kind = FORMATS[format];
    const name = fileName.replace(/\.pdf$/i, '') + `.${kind.extension}`;
    const runs: (PackCopy | undefined)[] = copies.length ? [...copies] : [undefined];
    const saved: string[] = [];
    let pages: number | null = 0;
    try {
      for (const [i, copy] of runs.entries()) {
        this.status = 'running';
        const pack = await generatePack(dbName, options, {
          signal: controller.signal,
          copy,
          format,
          onProgress: (p) => {
            this.phase = p.phase;
            this.fraction = (i + p.fraction) / runs.length;
          },
        });
        if (controller.signal.aborted) return;
        this.status = 'saving';
        pages = pack.pageCount;
        const path = await platform().saveFile({
          suggestedName: copy ? copyFileName(name, copy) : name,
          bytes: pack.bytes,
          mimeType: kind.mimeType,
          filters: [{ name: t(kind.filter), extensions: [kind.extension] }],
        });
        if (!path) {
          this.status = 'cancelled';
          this.message = copy
            ? t('packs.outcome.copyNotSaved', { number: copy.number, total: copy.total, saved: saved.length, paths: saved.join('; ') })
            : t('packs.outcome.notSaved');
          return;
        }
        saved.push(path);
      }
      this.fraction = 1;
      this.status = 'saved';
      // A Word file has no page count of its own: Word lays out its pages when it opens it.
      const paths = saved.join('; ');
      const path = saved[0] ?? '';
      this.message = copies.length
        ? pages === null
          ? t('packs.outcome.savedCopies', { count: copies.length, paths })
          : t('packs.outcome.savedCopiesPages', { count: copies.length, pages, paths })
        : pages === null
          ? t('packs.outcome.saved', { path })
          : t('packs.outcome.savedPages', { path, pages });
      toasts.show(copies.length ? t('packs.toast.savedCopies', { count: copies.length }) : t('packs.toast.saved', { path }));
    } catch (e) {
      if (controller.signal.aborted) return;
      const saving = this.status === 'saving';
      this.status = 'failed';
      // Two whole sentences: what failed, then which copies were saved before it.
      const before = saved.length ? ` ${t('packs.outcome.savedBefore', { count: saved.length, paths: saved.join('; ') })}` : '';
      const reason = messageOf(e, locale.current).replace(/[.\s]+$/, '');
      // A failed save writes nothing: a file of the same name is left as it was (src-main/atomic-write.ts).
      this.message =
        e instanceof EmptyPackError
          ? messageOf(e, locale.current)
          : saving
            ? t('packs.outcome.saveFailed', { reason }) + before
            : t(saved.length ? 'packs.outcome.generateFailedMore' : 'packs.outcome.generateFailed', { reason }) + before;
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  cancel(): void {
    if (this.status !== 'running' || !this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    this.status = 'cancelled';
    this.fraction = 0;
    this.message = t('packs.outcome.cancelled');
  }

  /** Show why a run could not start (nothing was generated). */
  fail(message: string): void {
    if (this.running) return;
    this.status = 'failed';
    this.message = message;
  }

  /** Forget the last outcome (e.g. when the user changes the selection). */
  clear(): void {
    if (!this.running) {
      this.status = 'idle';
      this.message = '';
    }
  }
}

export const generation = new PackGeneration();
