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
import { toasts } from '../app/toasts.svelte';

export type GenerationStatus = 'idle' | 'running' | 'saving' | 'saved' | 'cancelled' | 'failed';

/** What a saved file is, for the save dialog and the outcome line. */
const FORMATS: Record<PackFormat, { mimeType: string; filter: string; extension: string }> = {
  pdf: { mimeType: 'application/pdf', filter: 'PDF document', extension: 'pdf' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filter: 'Word document', extension: 'docx' },
};

const PHASE_LABELS: Record<PackPhase, string> = {
  fonts: 'Preparing the document',
  layout: 'Laying out pages',
  render: 'Writing the PDF',
  done: 'Finished',
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
    if (this.status === 'saving') return 'Saving the file';
    return this.format === 'docx' && this.phase !== 'done' ? 'Writing the Word file' : PHASE_LABELS[this.phase];
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
          filters: [{ name: kind.filter, extensions: [kind.extension] }],
        });
        if (!path) {
          this.status = 'cancelled';
          this.message = copy
            ? `Copy ${copy.number} of ${copy.total} was generated but not saved (the save dialog was closed); ${
                saved.length ? `${saved.length} saved before it: ${saved.join('; ')}` : 'no copy was saved'
              }.`
            : 'The pack was generated but not saved (the save dialog was closed).';
          return;
        }
        saved.push(path);
      }
      this.fraction = 1;
      this.status = 'saved';
      // A Word file has no page count of its own: Word lays out its pages when it opens it.
      const pageText = pages === null ? '' : ` (${pages} page${pages === 1 ? '' : 's'}${copies.length ? ' each' : ''})`;
      this.message = copies.length ? `Saved ${copies.length} numbered copies${pageText}: ${saved.join('; ')}.` : `Saved ${saved[0]}${pageText}.`;
      toasts.show(copies.length ? `${copies.length} numbered copies of the briefing pack saved` : `Briefing pack saved: ${saved[0]}`);
    } catch (e) {
      if (controller.signal.aborted) return;
      const saving = this.status === 'saving';
      this.status = 'failed';
      const before = saved.length ? ` ${saved.length} cop${saved.length === 1 ? 'y was' : 'ies were'} saved before: ${saved.join('; ')}.` : '';
      // A failed save writes nothing: a file of the same name is left as it was (src-main/atomic-write.ts).
      this.message =
        e instanceof EmptyPackError
          ? e.message
          : saving
            ? `The pack could not be saved: ${messageOf(e).replace(/[.\s]+$/, '')}. No file was changed; try another folder or name.${before}`
            : `The pack could not be generated: ${messageOf(e)}. ${saved.length ? 'Nothing more was saved.' : 'Nothing was saved.'}${before}`;
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
    this.message = 'Generation cancelled. Nothing was saved.';
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
