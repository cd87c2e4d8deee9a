/**
 * The state of a form that edits one record and saves as it is typed. Each field is validated on every
 * change; a valid value is written after a short pause (or at once on blur), an invalid one is never
 * written but stays in the field with its message, so nothing typed is lost and nothing stored is
 * half-changed. Values that change in the database (another window, a sync import) flow back into
 * fields the user is not editing. When storage is full the typed value stays in its field, is tried again,
 * and is kept outside IndexedDB (data/unsaved.ts) so that a reload brings it back.
 */
import { messageOf } from '../../core/errors';
import { untrack } from 'svelte';
import type { StoredRecord, SyncedTable, TableFields } from '../../core/model';
import { fieldsOf } from '../../core/records';
import { validateField } from '../../core/schemas';
import { isStorageFull, storageFullMessage } from '../../core/storage-errors';
import { Autosaver, type SaveStatus } from '../../data/autosave';
import { dropUnsavedField, keepUnsavedField, readUnsaved } from '../../data/unsaved';
import { session } from '../app/session.svelte';
import { flushOnLeave } from './flushOnLeave';
import { OwnWrites } from './ownWrites';

type Fields<T extends SyncedTable> = TableFields[T];
type Key<T extends SyncedTable> = keyof Fields<T> & string;
/** The fields typed into a text box. */
export type TextKey<T extends SyncedTable> = { [K in Key<T>]: Fields<T>[K] extends string ? K : never }[Key<T>];

export class RecordForm<T extends SyncedTable> {
  values: Fields<T>;
  errors = $state<Partial<Record<Key<T>, string>>>({});
  status = $state<SaveStatus>('idle');
  saveError = $state('');
  /** Why nothing saves while storage is full, kept from the failure until a save works (typing in between included). */
  storageProblem = $state('');
  /** The field being typed in: database changes do not overwrite it. */
  focused: Key<T> | null = null;
  /** Where text refused for lack of storage is kept (data/unsaved.ts): set once the record has an id. */
  unsavedKey: string | undefined;
  private saver: Autosaver;
  private readonly own = new OwnWrites<Key<T>>();

  constructor(
    private readonly table: T,
    initial: Fields<T>,
    /** Writes the patch; returns the record as stored, when there is one, so late snapshots are known as such. */
    private readonly write: (patch: Partial<Fields<T>>) => Promise<StoredRecord<T> | void>,
    delayMs = 400,
  ) {
    this.values = $state({ ...initial });
    this.saver = new Autosaver(delayMs, (status, error) => {
      this.status = status;
      this.saveError = status !== 'error' ? '' : isStorageFull(error) ? storageFullMessage('typing') : messageOf(error);
      if (status === 'saved') this.storageProblem = '';
      else if (status === 'error' && isStorageFull(error)) this.storageProblem = this.saveError;
    });
  }

  /** A change from the user. `immediate` for pickers and selects, where there is no typing to wait for. */
  set<K extends Key<T>>(field: K, value: Fields<T>[K], options: { immediate?: boolean; message?: string } = {}): void {
    this.values[field] = value;
    const message = options.message ?? validateField(this.table, field, value);
    if (message) {
      this.errors[field] = message;
      this.saver.cancel(field);
      return;
    }
    delete this.errors[field];
    this.saver.schedule(field, () => this.save(field, value), options.immediate ? 0 : undefined);
  }

  private async save<K extends Key<T>>(field: K, value: Fields<T>[K]): Promise<void> {
    const key = this.unsavedKey;
    this.own.begin(field);
    let stored: StoredRecord<T> | void;
    try {
      stored = await this.write({ [field]: value } as unknown as Partial<Fields<T>>);
    } catch (e) {
      this.own.end(field);
      if (key && isStorageFull(e)) keepUnsavedField(key, field, value);
      throw e;
    }
    this.own.end(field, stored ? stored.stamps[field]?.c : undefined);
    if (key) dropUnsavedField(key, field);
  }

  /**
   * Start keeping refused text under `key`, and bring back what was refused last time (storage was
   * full when the app closed): it shows in its field and is saved again.
   */
  restoreUnsaved(key: string): void {
    this.unsavedKey = key;
    const kept = readUnsaved<Record<string, unknown>>(key) ?? {};
    for (const field of Object.keys(this.values) as Key<T>[]) {
      if (!(field in kept)) continue;
      // Stored meanwhile (a retry that worked just before the app closed): nothing left to rescue.
      if (JSON.stringify(kept[field]) === JSON.stringify(this.values[field])) dropUnsavedField(key, field);
      else this.set(field, kept[field] as Fields<T>[typeof field]);
    }
  }

  /**
   * What a text box (input or textarea) needs to edit `field`, to spread onto it: typing saves after a
   * pause, leaving the box saves at once, and while it has focus database changes leave it alone.
   * The field's message is expected at `${id}-error`.
   */
  textInput(field: TextKey<T>, id: string) {
    return {
      id,
      value: this.values[field] as string,
      oninput: (e: Event) => this.set(field, (e.currentTarget as HTMLInputElement).value as Fields<T>[TextKey<T>]),
      onfocus: () => (this.focused = field),
      onblur: () => {
        this.focused = null;
        void this.flush(field);
      },
      'aria-invalid': this.errors[field] ? ('true' as const) : undefined,
      'aria-describedby': `${id}-error`,
    };
  }

  /**
   * What a date (or date-and-time) box needs to edit `field`, to spread onto it, like textInput. A box
   * the browser cannot read as a whole date (a day typed, the year not yet) reports `badInput` and an
   * empty value: that is shown as `invalid`, never saved as "no date"; an empty box is "no date"
   * unless `required`. `immediate` saves each whole date at once (a row edited in place, where the
   * next thing the user does may be to leave). The field's message is expected at `${id}-error`.
   */
  dateInput(field: TextKey<T>, id: string, options: { invalid: string; required?: boolean; immediate?: boolean }) {
    const take = (e: Event) => {
      const box = e.currentTarget as HTMLInputElement;
      if (box.validity.badInput || (options.required && box.value === '')) this.invalid(field, options.invalid);
      else this.set(field, box.value as Fields<T>[TextKey<T>], { immediate: options.immediate });
    };
    return {
      id,
      value: this.values[field] as string,
      oninput: take,
      onchange: take,
      onfocus: () => (this.focused = field),
      onblur: (e: Event) => {
        this.focused = null;
        // Only what differs: a half-typed date fires no input event, but a box left as it was must not
        // write back its old value over a change that arrived while it had the focus.
        const box = e.currentTarget as HTMLInputElement;
        if (box.validity.badInput || box.value !== this.values[field]) take(e);
        void this.flush(field);
      },
      'aria-invalid': this.errors[field] ? ('true' as const) : undefined,
      'aria-describedby': `${id}-error`,
    };
  }

  /** Mark a field invalid without a value change (e.g. a date the browser could not parse). */
  invalid(field: Key<T>, message: string): void {
    this.errors[field] = message;
    this.saver.cancel(field);
  }

  flush(field?: Key<T>): Promise<void> {
    return this.saver.flush(field);
  }

  pending(field: Key<T>): boolean {
    return this.saver.has(field);
  }

  /** Bring database values into the fields the user is not in the middle of. */
  sync(record: StoredRecord<T>): void {
    const fields = fieldsOf(this.table, record);
    for (const key of Object.keys(this.values) as Key<T>[]) {
      if (key === this.focused || this.errors[key] || this.saver.has(key) || !this.own.admits(key, record.stamps[key]?.c)) continue;
      const next = fields[key];
      if (JSON.stringify(next) !== JSON.stringify(this.values[key])) this.values[key] = next;
    }
  }

  /** Values that would be accepted now: the invalid ones replaced by `fallback`'s. */
  validValues(fallback: Fields<T>): Fields<T> {
    const out = { ...fallback };
    for (const key of Object.keys(this.values) as Key<T>[]) if (!this.errors[key]) out[key] = this.values[key];
    return out;
  }
}

/**
 * A RecordForm editing a stored record in place, for a component that edits one record for its whole
 * life (key it by the record's id): edits go through the workspace, the record's later changes flow into
 * the fields, and whatever is still waiting is written when the user leaves. Call during component set-up.
 */
export function recordEditor<T extends SyncedTable>(table: T, record: () => StoredRecord<T>): RecordForm<T> {
  const form = untrack(
    () =>
      new RecordForm(table, fieldsOf(table, record()), (patch) => session.ws.update(table, record().id, patch)),
  );
  untrack(() => form.restoreUnsaved(`${table}.${record().id}`));
  $effect(() => form.sync(record()));
  flushOnLeave(() => form.flush());
  return form;
}
