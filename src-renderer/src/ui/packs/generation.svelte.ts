/**
 * One pack generation at a time: its progress, its outcome, and how to stop it. Kept outside the
 * screen component so that a run survives leaving the Packs screen and coming back.
 */
import { messageOf } from '../../core/errors';
import type { PackOptions } from '../../core/pack/options';
import type { PackPhase } from '../../core/pack/render';
import { EmptyPackError, generatePack } from '../../data/pack-client';
import { platform } from '../../platform';
import { toasts } from '../app/toasts.svelte';

export type GenerationStatus = 'idle' | 'running' | 'saving' | 'saved' | 'cancelled' | 'failed';

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
  /** One line for the user after a failure, a cancel or a save. */
  message = $state('');
  private controller: AbortController | undefined;

  get running(): boolean {
    return this.status === 'running' || this.status === 'saving';
  }

  get phaseLabel(): string {
    return this.status === 'saving' ? 'Saving the file' : PHASE_LABELS[this.phase];
  }

  async start(dbName: string, options: PackOptions, fileName: string): Promise<void> {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'running';
    this.fraction = 0;
    this.phase = 'fonts';
    this.message = '';
    try {
      const pack = await generatePack(dbName, options, {
        signal: controller.signal,
        onProgress: (p) => {
          this.phase = p.phase;
          this.fraction = p.fraction;
        },
      });
      if (controller.signal.aborted) return;
      this.status = 'saving';
      this.fraction = 1;
      const saved = await platform().saveFile({
        suggestedName: fileName,
        bytes: pack.bytes,
        mimeType: 'application/pdf',
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      const pages = `${pack.pageCount} page${pack.pageCount === 1 ? '' : 's'}`;
      if (saved) {
        this.status = 'saved';
        this.message = `Saved ${saved} (${pages}).`;
        toasts.show(`Briefing pack saved: ${saved}`);
      } else {
        this.status = 'cancelled';
        this.message = 'The pack was generated but not saved (the save dialog was closed).';
      }
    } catch (e) {
      if (controller.signal.aborted) return;
      const saving = this.status === 'saving';
      this.status = 'failed';
      // A failed save writes nothing: a file of the same name is left as it was (src-main/atomic-write.ts).
      this.message =
        e instanceof EmptyPackError
          ? e.message
          : saving
            ? `The pack could not be saved: ${messageOf(e).replace(/[.\s]+$/, '')}. No file was changed; try another folder or name.`
            : `The pack could not be generated: ${messageOf(e)}. Nothing was saved.`;
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

  /** Forget the last outcome (e.g. when the user changes the selection). */
  clear(): void {
    if (!this.running) {
      this.status = 'idle';
      this.message = '';
    }
  }
}

export const generation = new PackGeneration();
