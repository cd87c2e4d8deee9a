import { expect, type Locator, type Page } from '@playwright/test';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * One briefing (#/briefing/<id>): the details editor, live capture, statements and follow-ups. A briefing
 * opens in one of three modes (reading, editing, meeting); `goto` opens the editor, as these specs edit.
 */
export class BriefingPage {
  readonly heading: Locator;
  readonly saveStatus: Locator;
  /** The details' notice that storage is full (what became of the typed text). */
  readonly storageFull: Locator;
  readonly title: Locator;
  readonly titleError: Locator;
  readonly startsAt: Locator;
  readonly startsAtError: Locator;
  /** The one reading of the typed start, echoed under the box while typing ("Tue 17 March 2015, 10:00"). */
  readonly startsAtReading: Locator;
  readonly location: Locator;
  readonly format: Locator;
  readonly organisers: Locator;
  readonly organiserChips: Locator;
  readonly audience: Locator;
  readonly classification: Locator;
  readonly caveat: Locator;
  readonly tags: Locator;
  readonly tagChips: Locator;
  readonly summary: Locator;
  readonly summaryPreview: Locator;
  readonly deleteButton: Locator;

  readonly capture: Locator;
  readonly speaker: Locator;
  readonly currentSpeaker: Locator;
  readonly speakerTitle: Locator;
  readonly speakerOrganisation: Locator;
  readonly captureText: Locator;
  readonly captureError: Locator;
  readonly captureNotice: Locator;
  readonly captureTags: Locator;

  readonly statements: Locator;
  readonly followups: Locator;
  readonly followupRows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.saveStatus = page.getByTestId('save-status');
    this.storageFull = page.getByTestId('storage-full');
    this.title = page.locator('#briefing-title');
    this.titleError = page.locator('#briefing-title-error');
    this.startsAt = page.locator('#briefing-startsAt');
    this.startsAtError = page.locator('#briefing-startsAt-error');
    this.startsAtReading = page.locator('#briefing-startsAt-reading');
    this.location = page.locator('#briefing-location');
    this.format = page.locator('#briefing-format');
    this.organisers = page.locator('#briefing-organisers');
    this.organiserChips = page.getByRole('list', { name: 'Organising institutions' }).getByRole('listitem');
    this.audience = page.locator('#briefing-audience');
    this.classification = page.locator('#briefing-classification');
    this.caveat = page.locator('#briefing-caveat');
    this.tags = page.locator('#briefing-tags');
    this.tagChips = page.getByRole('list', { name: /^Tags: / }).first().getByRole('listitem');
    this.summary = page.locator('#briefing-summary');
    this.summaryPreview = page.getByRole('region', { name: 'Summary preview' });
    this.deleteButton = page.getByRole('button', { name: 'Delete briefing' });

    this.capture = page.getByRole('region', { name: 'Record statements' });
    this.speaker = page.locator('#capture-speaker');
    this.currentSpeaker = page.getByTestId('current-speaker');
    this.speakerTitle = page.locator('#speaker-title');
    this.speakerOrganisation = page.locator('#speaker-organisation');
    this.captureText = page.locator('#capture-text');
    this.captureError = page.locator('#capture-text-error');
    this.captureNotice = page.locator('#capture-text-notice');
    this.captureTags = page.locator('#capture-tags');

    this.statements = page.locator('article.statement');
    this.followups = page.getByRole('region', { name: 'Follow-ups and events' });
    this.followupRows = this.followups.locator('tbody tr[data-status]');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('./#/briefing/new');
    await expect(this.title).toBeFocused();
  }

  /** The briefing in the editor (`?mode=edit`: without it a past briefing opens as a page to read). */
  async goto(id: string): Promise<void> {
    await this.page.goto(`./#/briefing/${id}?mode=edit`);
    await expect(this.title).toBeVisible();
  }

  /** The briefing as it opens by itself: reading view, or meeting mode during its time slot. */
  async open(id: string, query = ''): Promise<void> {
    await this.page.goto(`./#/briefing/${id}${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** The reading view (a formatted page) and its parts. */
  get reading(): Locator {
    return this.page.getByTestId('reading-view');
  }

  /** To the editor from the mode the briefing opened in: E from the reading view, Ctrl+Shift+M from meeting mode. */
  async edit(): Promise<void> {
    const meeting = this.page.locator('header.meeting-line');
    await expect(this.reading.or(meeting).or(this.title).first()).toBeVisible();
    if (await this.reading.isVisible()) await this.page.keyboard.press('e');
    else if (await meeting.isVisible()) await this.press('mod+shift+m');
    await expect(this.title).toBeVisible();
  }

  /** Meeting mode's capture box, its speaker keys and the transcript. */
  get quickSpeakers(): Locator {
    return this.capture.getByRole('list', { name: 'Speakers of this briefing' }).getByRole('button');
  }

  /** The id in the address (a new briefing gets one once it has a title). */
  async id(): Promise<string> {
    const m = /#\/briefing\/([^?]+)/.exec(this.page.url());
    if (!m || m[1] === 'new') throw new Error(`No briefing id in ${this.page.url()}`);
    return m[1]!;
  }

  /** Type a date and time into the start's text box, as an officer would ("17 Mar 2015 10:00"), replacing what it held. */
  async typeDateTime(text: string): Promise<void> {
    await expect(this.startsAt).toBeFocused();
    await this.page.keyboard.press(`${MOD}+a`);
    await this.type(text);
  }

  /** Press Tab until `target` has focus (a datetime box takes a Tab per segment). */
  async tabTo(target: Locator, max = 8): Promise<void> {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    await expect(target).toBeFocused();
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('All changes saved');
  }

  async press(keys: string): Promise<void> {
    const names: Record<string, string> = { mod: MOD, shift: 'Shift', alt: 'Alt', ctrl: 'Control' };
    await this.page.keyboard.press(keys.replace(/\b(mod|shift|alt|ctrl)\+/gi, (_, m: string) => `${names[m.toLowerCase()]}+`));
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Type into the speaker box and take the highlighted option (an existing person, or Create). */
  async pickSpeaker(typed: string, optionName?: string | RegExp, options: { waitForCreation?: boolean } = {}): Promise<void> {
    await this.press('mod+shift+s');
    await expect(this.speaker).toBeFocused();
    await this.type(typed);
    if (optionName) {
      const option = this.page.getByRole('listbox', { name: 'Speaker' }).getByRole('option', { name: optionName });
      await expect(option).toBeVisible();
      for (let i = 0; i < 10 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    // A speaker being created is written first, and its details open when it is: wait for that, as a person
    // watching the screen would, so the next key (Escape from the details, the statement) comes after it.
    if (options.waitForCreation !== false && optionName !== undefined && String(optionName).includes('Create')) {
      await expect(this.currentSpeaker).toContainText(typed.replace(/\s*\([^)]*\)\s*$/, ''));
    }
  }

  statement(text: string | RegExp): Locator {
    return this.statements.filter({ hasText: text });
  }

  /** Save the statement in the capture box: Ctrl+Enter. */
  async saveStatement(): Promise<void> {
    const before = await this.statements.count();
    await this.press('mod+Enter');
    await expect(this.statements).toHaveCount(before + 1);
  }

  async statementTexts(): Promise<string[]> {
    return this.statements.locator('p.text').allTextContents();
  }

  followup(title: string | RegExp): Locator {
    return this.followupRows.filter({ hasText: title });
  }
}
