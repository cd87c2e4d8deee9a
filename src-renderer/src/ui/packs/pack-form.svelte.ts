/**
 * The Pack dialog's editable state. It mirrors PackOptions (core/pack/options.ts) but in the terms the
 * user works with: a choice between picking briefings one by one and choosing them by criteria, and a
 * watermark that is none, DRAFT or custom text. `input()` turns it back into options for the builder's
 * validator; `load()` fills it from saved options.
 */
import { DOCUMENT_LANGUAGE_TAGS } from '../../core/document/language';
import { translate } from '../../core/i18n';
import type { PackOptions, PaperSize } from '../../core/pack/options';
import { locale } from '../app/locale.svelte';

export type SelectionMode = 'pick' | 'criteria';
export type WatermarkMode = 'none' | 'draft' | 'custom';

export const DRAFT_WATERMARK = 'DRAFT';

export class PackForm {
  // A new pack is written in the interface's language, and called so in it ("Briefing pack", « Dossier de synthèse »).
  title = $state(translate(locale.current, 'doc.cover.eyebrow'));
  recipient = $state('');
  preparedBy = $state('');

  mode = $state<SelectionMode>('pick');
  picked = $state<string[]>([]);
  tags = $state<string[]>([]);
  from = $state('');
  to = $state('');
  organiserIds = $state<string[]>([]);
  speakerIds = $state<string[]>([]);

  ceiling = $state('');
  includeStatements = $state(true);
  includeTracker = $state(true);
  includePeople = $state(true);
  watermarkMode = $state<WatermarkMode>('none');
  watermarkText = $state('');
  paper = $state<PaperSize>('A4');

  // What a registry expects (issue 14). Lists are typed one entry per line; an empty list takes the
  // letterhead's (Settings → Documents).
  fileReference = $state('');
  sender = $state('');
  toText = $state('');
  infoText = $state('');
  distributionText = $state('');
  issueDate = $state('');
  numberedCopies = $state(false);
  numberedParagraphs = $state(false);
  includeComment = $state(true);
  language = $state(DOCUMENT_LANGUAGE_TAGS[locale.current]);

  /** Picking one by one with nothing ticked selects nothing (the builder would read "no constraint"). */
  get nothingPicked(): boolean {
    return this.mode === 'pick' && this.picked.length === 0;
  }

  get watermark(): string {
    if (this.watermarkMode === 'draft') return DRAFT_WATERMARK;
    if (this.watermarkMode === 'custom') return this.watermarkText.trim();
    return '';
  }

  /** Unvalidated options, for parsePackOptions. */
  input(): Record<string, unknown> {
    return {
      ...this.contentInput(),
      title: this.title.trim(),
      recipient: this.recipient.trim(),
      preparedBy: this.preparedBy.trim(),
      watermark: this.watermark,
      paper: this.paper,
      fileReference: this.fileReference.trim(),
      from: this.sender.trim(),
      to: lines(this.toText),
      info: lines(this.infoText),
      distribution: lines(this.distributionText),
      issueDate: this.issueDate,
      numberedCopies: this.numberedCopies,
      numberedParagraphs: this.numberedParagraphs,
      includeComment: this.includeComment,
      language: this.language.trim(),
    };
  }

  /**
   * Only what decides the pack's content (selection, ceiling, sections), with placeholder cover texts:
   * the live counts read this, so typing a title neither recomputes nor blanks them.
   */
  contentInput(): Record<string, unknown> {
    const pick = this.mode === 'pick';
    return {
      title: 'Pack',
      selection: {
        briefingIds: pick ? [...this.picked] : [],
        tags: pick ? [] : [...this.tags],
        from: pick ? '' : this.from,
        to: pick ? '' : this.to,
        organiserIds: pick ? [] : [...this.organiserIds],
        speakerIds: pick ? [] : [...this.speakerIds],
      },
      ceiling: this.ceiling,
      includeStatements: this.includeStatements,
      includeTracker: this.includeTracker,
      includePeople: this.includePeople,
    };
  }

  load(options: PackOptions): void {
    const s = options.selection;
    this.title = options.title;
    this.recipient = options.recipient;
    this.preparedBy = options.preparedBy;
    this.mode = s.briefingIds.length ? 'pick' : 'criteria';
    this.picked = [...s.briefingIds];
    this.tags = [...s.tags];
    this.from = s.from;
    this.to = s.to;
    this.organiserIds = [...s.organiserIds];
    this.speakerIds = [...s.speakerIds];
    this.ceiling = options.ceiling;
    this.includeStatements = options.includeStatements;
    this.includeTracker = options.includeTracker;
    this.includePeople = options.includePeople;
    const w = options.watermark.trim();
    this.watermarkMode = !w ? 'none' : w === DRAFT_WATERMARK ? 'draft' : 'custom';
    this.watermarkText = this.watermarkMode === 'custom' ? w : '';
    this.paper = options.paper;
    this.fileReference = options.fileReference;
    this.sender = options.from;
    this.toText = options.to.join('\n');
    this.infoText = options.info.join('\n');
    this.distributionText = options.distribution.join('\n');
    this.issueDate = options.issueDate;
    this.numberedCopies = options.numberedCopies;
    this.numberedParagraphs = options.numberedParagraphs;
    this.includeComment = options.includeComment;
    this.language = options.language;
  }
}

/** One entry per line, blank lines dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
