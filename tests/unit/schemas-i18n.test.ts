/**
 * An editor's field messages (core/schemas.ts) in the window's language: read when a value is checked, so the
 * window's language at that moment says them; English where no window set one (the CLI, workers, tests).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLocale } from '../../src-renderer/src/core/errors';
import type { Locale } from '../../src-renderer/src/core/i18n';
import { validateField, validateFields } from '../../src-renderer/src/core/schemas';

let current: Locale = 'en';
afterEach(() => {
  current = 'en';
});

describe('field messages', () => {
  it('are English until a window gives its language, then follow it as it changes', () => {
    expect(validateField('briefings', 'title', '  ')).toBe('Title cannot be empty');
    setMessageLocale(() => current);
    current = 'fr';
    expect(validateField('briefings', 'title', '  ')).toBe('Titre\u00a0: ce champ ne peut pas être vide');
    expect(validateField('statements', 'text', 'x'.repeat(20_001))).toMatch(/^Déclaration\u00a0: trop long, 20\u202f001 caractères pour 20\u202f000 au plus$/);
    current = 'ru';
    expect(validateField('people', 'name', '')).toBe('Имя: поле не может быть пустым');
    expect(validateField('briefings', 'tags', ['a', ''])).toBe('Метка не может быть пустой');
    const r = validateFields('actions', { kind: 'task', briefingId: null, statementId: null, title: '', owner: '', due: '2015-13', place: '', status: 'open', priority: 'normal', notes: '', tags: [], heldInBriefingId: null });
    expect(r.ok ? {} : r.errors).toEqual({ title: 'Название: поле не может быть пустым', due: 'Такой даты не существует (день, месяц или год: ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ)' });
    current = 'en';
    expect(validateField('briefings', 'title', '')).toBe('Title cannot be empty');
  });
});
