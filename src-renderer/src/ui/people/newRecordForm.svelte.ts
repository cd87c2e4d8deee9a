/**
 * What the "new person" and "new organisation" forms share: the typed values live in a session draft
 * (leaving or reloading loses nothing), each text field is checked as it is typed (an empty name only on
 * submit, so starting to type is not scolded), and submit validates everything, creates the record,
 * says so and highlights it in the directory with the form emptied for the next one.
 */
import { messageOf } from '../../core/errors';
import { locale, t } from '../app/locale.svelte';
import type { TableFields } from '../../core/model';
import { validateField, validateFields } from '../../core/schemas';
import { router } from '../app/router.svelte';
import { toasts } from '../app/toasts.svelte';

type DirectoryTable = 'people' | 'organisations';
type Draft<V> = { value: V; clear: () => void };
/** The fields typed into a text box. */
export type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export class NewRecordForm<T extends DirectoryTable, V extends TableFields[T]> {
  readonly values: V;
  errors = $state<Record<string, string>>({});
  busy = $state(false);

  constructor(
    private readonly table: T,
    /** The fields' element ids are `${idPrefix}-${field}`, their messages `${idPrefix}-${field}-error`. */
    readonly idPrefix: string,
    private readonly draft: Draft<V>,
    /** Creates the record; `label` is how the confirmation names it. */
    private readonly create: (values: V) => Promise<{ id: string; label: string }>,
  ) {
    this.values = draft.value;
  }

  input(field: TextKey<V>, value: string): void {
    (this.values as unknown as Record<string, unknown>)[field] = value;
    const message = validateField(this.table, field as keyof TableFields[T] & string, value);
    if (message && (field !== 'name' || value.length > 0)) this.errors[field] = message;
    else delete this.errors[field];
  }

  submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const checked = validateFields(this.table, { ...this.values, name: this.values.name.trim() });
    if (!checked.ok) {
      this.errors = checked.errors;
      document.getElementById(`${this.idPrefix}-${Object.keys(checked.errors)[0]}`)?.focus();
      return;
    }
    this.busy = true;
    try {
      const { id, label } = await this.create({ ...this.values });
      this.draft.clear();
      this.errors = {};
      toasts.show(t('people.added', { name: label }));
      router.go({ screen: 'people', focus: id });
      document.getElementById(`${this.idPrefix}-name`)?.focus();
    } catch (e) {
      toasts.error(messageOf(e, locale.current));
    } finally {
      this.busy = false;
    }
  };
}
