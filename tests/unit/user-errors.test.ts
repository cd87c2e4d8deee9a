/**
 * Errors a person reads (core/errors.ts): a UserError is a message key with values, said in the language
 * asked for, English in its `message` (logs, the CLI, tests); its key survives a worker boundary; bad import
 * files, impossible dates and storage full are refused in French and Russian as well as English.
 */
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError, fromUserErrorData, isUserError, messageOf, setMessageLocale, userErrorData } from '../../src-renderer/src/core/errors';
import { readDateInput, readDateTimeInput, parseDateInput } from '../../src-renderer/src/core/date-input';
import { mergeIssue, parentIssue } from '../../src-renderer/src/core/directory';
import { linkIssue } from '../../src-renderer/src/core/held-events';
import { notSaved, storageFullMessage } from '../../src-renderer/src/core/storage-errors';
import { readHeader } from '../../src-renderer/src/core/sync/format';
import { SyncError, fileSizeProblem } from '../../src-renderer/src/core/sync/guards';
import { validateRecord } from '../../src-renderer/src/core/sync/validate';
import { checkEmblem } from '../../src-renderer/src/core/pack/emblem';
import { driftHoursProblem } from '../../src-renderer/src/data/clock-settings';
import { installationNameProblem } from '../../src-renderer/src/data/workspace';

const bytes = (text: string) => new TextEncoder().encode(text);
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

afterEach(() => setMessageLocale(() => 'en'));

describe('UserError', () => {
  it('is said in English, French and Russian; its message is the English text', () => {
    const e = new UserError('error.sync.massDelete', { deleting: 3, live: 5 });
    expect(e.message).toBe('This import would delete 3 of your 5 records; confirm to go ahead.');
    expect(messageOf(e, 'en')).toBe(e.message);
    expect(messageOf(e, 'fr')).toBe('Cette importation supprimerait 3 de vos 5 enregistrements\u202f; confirmez pour continuer.');
    expect(messageOf(e, 'ru')).toBe('Этот импорт удалит 3 из ваших 5 записей; подтвердите, чтобы продолжить.');
    expect(messageOf(new UserError('error.sync.massDelete', { deleting: 1, live: 1 }), 'ru')).toBe('Этот импорт удалит 1 из ваших 1 записи; подтвердите, чтобы продолжить.');
    expect(isUserError(e)).toBe(true);
    expect(isUserError(new Error('x'))).toBe(false);
    expect(messageOf(new Error('plain'), 'fr')).toBe('plain');
  });

  it('follows the window’s language when none is given (the app sets it), English otherwise', () => {
    const e = new UserError('error.briefing.gone');
    expect(messageOf(e)).toBe('That briefing no longer exists (it may have been deleted).');
    setMessageLocale(() => 'ru');
    expect(messageOf(e)).toBe('Этого брифинга больше нет (возможно, он удалён).');
    expect(e.message).toBe('That briefing no longer exists (it may have been deleted).');
  });

  it('keeps its key and values across a worker boundary, where a cloned Error would lose them', async () => {
    const e = SyncError.of('invalid', 'error.sync.duplicate', { table: 'people', id: 'p1' });
    // What postMessage does to the Error itself: its message only, the key gone.
    expect(isUserError(structuredClone(e))).toBe(false);
    expect((structuredClone(e) as Error).message).toBe('The file lists the person p1 twice.');
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<unknown>((resolve) => port2.once('message', resolve));
    port1.postMessage({ type: 'failed', req: 1, message: e.message, error: userErrorData(e) });
    const reply = (await received) as { message: string; error: Parameters<typeof fromUserErrorData>[0] };
    port1.close();
    const back = fromUserErrorData(reply.error, reply.message);
    expect(isUserError(back)).toBe(true);
    expect(messageOf(back, 'en')).toBe('The file lists the person p1 twice.');
    expect(messageOf(back, 'fr')).toBe('Le fichier contient deux fois l’enregistrement « personne » p1.');
    // Any other error comes back as its message.
    expect(messageOf(fromUserErrorData(userErrorData(new Error('boom')), 'boom'), 'fr')).toBe('boom');
  });
});

describe('a bad import file, refused in French', () => {
  it('not a sync file, a truncated one, one too large', () => {
    const notOurs = thrown(() => readHeader(bytes('hello\n')));
    expect(messageOf(notOurs, 'en')).toBe('This is not an Attaché sync file.');
    expect(messageOf(notOurs, 'fr')).toBe('Ce n’est pas un fichier de synchronisation Attaché.');
    expect(messageOf(notOurs, 'ru')).toBe('Это не файл синхронизации Attaché.');
    expect(messageOf(fileSizeProblem(3 * 2 ** 30), 'fr')).toBe('Le fichier fait 3\u202f072 Mio, plus que les 1\u202f024 Mio qu’une importation accepte.');
  });

  it('a record breaking a rule: the record, then the rule', () => {
    const e = thrown(() => validateRecord('briefings', { id: '01900000-0000-7000-8000-000000000001', deleted: 0, hlc: 'x', extra: 1 }));
    expect((e as SyncError).message).toBe('The file\'s briefing 01900000-0000-7000-8000-000000000001 is invalid: it has an unknown field "extra".');
    expect(messageOf(e, 'fr')).toBe(
      'Dans le fichier, l’enregistrement « compte rendu » 01900000-0000-7000-8000-000000000001 n’est pas valide\u00a0: il a un champ inconnu « extra ».',
    );
    expect(messageOf(e, 'ru')).toBe('Запись «брифинг» 01900000-0000-7000-8000-000000000001 в файле недопустима: в ней есть неизвестное поле «extra».');
  });
});

describe('an impossible date, refused in each language', () => {
  const problem = (r: ReturnType<typeof readDateInput> | ReturnType<typeof readDateTimeInput>) => (r.ok ? undefined : r.problem);

  it('31 February, month 13, a wrong weekday', () => {
    const feb = problem(readDateInput('31.02.2015'));
    expect(messageOf(feb, 'en')).toBe('February 2015 has 28 days: there is no 31 February.');
    expect(messageOf(feb, 'fr')).toBe('Février 2015 compte 28 jours\u00a0: il n’y a pas de 31 février.');
    expect(messageOf(feb, 'ru')).toBe('В феврале 2015 года 28 дней: 31 февраля не бывает.');
    const month13 = problem(readDateInput('2015-13'));
    expect(messageOf(month13, 'ru')).toBe('Месяца 13 не существует: месяцы нумеруются от 1 до 12.');
    expect(messageOf(month13, 'fr')).toBe('Il n’y a pas de mois 13\u00a0: les mois vont de 1 à 12.');
    expect(messageOf(problem(readDateInput('Tue 17 May 2015')), 'fr')).toBe('Le 17 mai 2015 est un dimanche, pas un mardi.');
    // The English reading is the one parseDateInput always gave; in a French window the date boxes say it in French.
    expect(parseDateInput('31.02.2015')).toEqual({ ok: false, error: 'February 2015 has 28 days: there is no 31 February.' });
    setMessageLocale(() => 'fr');
    expect(parseDateInput('31.02.2015')).toEqual({ ok: false, error: 'Février 2015 compte 28 jours\u00a0: il n’y a pas de 31 février.' });
  });

  it('says what can be typed after what was wrong, for a date or a date and time', () => {
    const e = problem(readDateInput('17 foo 2015'));
    expect(messageOf(e, 'fr')).toBe('« foo » n’est pas un mois. Saisissez une date comme 17.05.2015 ou 2015-05-17, un mois (05/2015) ou une année (2015).');
    const dt = problem(readDateTimeInput('17 foo 2015 10:00'));
    expect(messageOf(dt, 'en')).toBe(
      '“foo” is not a month. Type a day and a time, such as 17 May 2015 10:00, 17.05.2015 10:00, tomorrow 15:00, next Tue 10:00, or a time alone for today.',
    );
    expect(messageOf(dt, 'ru')).toBe('«foo» — не месяц. Введите день и время, например 17.05.2015 10:00 или 2015-05-17 10:00, либо только время — на сегодня.');
    expect(messageOf(problem(readDateTimeInput('17.05.2015')), 'fr')).toBe('Ajoutez l’heure, par exemple 17.05.2015 10:00 (dimanche).');
    expect(messageOf(problem(readDateTimeInput('May 2015 10:00')), 'ru')).toMatch(/^Для времени нужен конкретный день, а не только май 2015 года\. Введите день/);
  });
});

describe('refusals from the directory, held events and storage', () => {
  it('merges, nesting and a held event', () => {
    const records = new Map([
      ['a', { id: 'a', name: 'Alpha', acronym: '', mergedInto: null, parentId: null as string | null, deleted: 0 }],
      ['b', { id: 'b', name: 'Beta', acronym: '', mergedInto: null, parentId: 'a', deleted: 0 }],
    ]);
    const get = (id: string) => records.get(id);
    expect(messageOf(mergeIssue('person', get, 'a', 'a'), 'fr')).toBe('Alpha ne peut pas être fusionné avec lui-même.');
    expect(messageOf(mergeIssue('organisation', get, 'a', 'zz'), 'ru')).toBe('Этой организации больше нет в справочнике.');
    expect(messageOf(parentIssue(get, 'a', 'b'), 'fr')).toBe('Alpha ne peut pas être rattachée à Beta\u00a0: Beta est déjà rattachée à Alpha.');
    const event = { id: 'e', kind: 'event' as const, briefingId: 'x', status: 'open' as const, heldInBriefingId: null };
    expect(messageOf(linkIssue(event, { id: 'x', title: 'T', startsAt: '2015-05-01T10:00', deleted: 0 }), 'ru')).toMatch(/^Мероприятие не может состояться на том же брифинге/);
  });

  it('an emblem, the allowed drift and the installation name, refused in the language', () => {
    const svg = checkEmblem(new TextEncoder().encode('<svg/>'));
    expect(svg.ok ? '' : svg.message).toBe('The file is not a PNG or JPEG image');
    expect(svg.ok ? '' : messageOf(svg.problem, 'fr')).toBe('Le fichier n’est pas une image PNG ou JPEG');
    expect(driftHoursProblem(0)).toBe('A whole number of hours from 1 to 720');
    expect(driftHoursProblem(0, 'ru')).toBe('Целое число часов от 1 до 720');
    expect(installationNameProblem(' ', 'fr')).toBe('Le nom de l’installation ne peut pas être vide');
  });

  it('storage full, in each language, is never prefixed by "Not saved"', () => {
    expect(storageFullMessage('import')).toBe(
      'The disk or the browser’s storage for Attaché is full. Nothing was imported, and nothing already stored was changed. Free some disk space, then import the file again.',
    );
    const fr = storageFullMessage('change', 'fr');
    expect(fr).toMatch(/^Le disque, ou l’espace que le navigateur réserve à Attaché, est plein\. Cette modification/);
    expect(notSaved(fr, 'fr')).toBe(fr);
    expect(notSaved('a reason', 'ru')).toBe('Не сохранено: a reason');
    const full = new DOMException('quota', 'QuotaExceededError');
    expect(messageOf(full, 'ru')).toBe(storageFullMessage('change', 'ru'));
  });
});
