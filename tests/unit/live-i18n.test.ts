/**
 * Live sync's refusals in the window's language: a wrong team passphrase and an unreadable document by their
 * message keys (messageOf), the server's answers said as the window speaks (core/errors.ts windowText, set by
 * setMessageLocale), the server's own reason quoted as it sent it; English stays the CLI's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { messageOf, setMessageLocale } from '../../src-renderer/src/core/errors';
import { newTeamDoc, openTeam, unseal, WRONG_TEAM_KEY } from '../../src-renderer/src/core/live/envelope';
import { refusalFor, serverUrlProblem } from '../../src-renderer/src/core/live/transport';

const spaced = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('live sync in the window’s language', () => {
  afterEach(() => setMessageLocale(() => 'en'));

  it('says a wrong team passphrase and a document sealed with another key in French and Russian, English as the CLI prints it', async () => {
    const { doc, team } = await newTeamDoc('correct horse battery staple', null, 100_000);
    const wrong = await openTeam(doc, 'wrong passphrase').catch((e: unknown) => e);
    expect((wrong as Error).message).toBe(WRONG_TEAM_KEY);
    expect(spaced(messageOf(wrong, 'fr'))).toBe('La phrase secrète d’équipe est erronée pour cette base de données : rien n’a été envoyé ni reçu.');
    expect(messageOf(wrong, 'ru')).toBe('Парольная фраза команды не подходит к этой базе данных: ничего не отправлено и не получено.');
    const id = '01900000-0000-7000-8000-000000000001';
    const other = await unseal(team, id, { iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAAAAAAAAAAAAAAAAAAAA==' }).catch((e: unknown) => e);
    expect(messageOf(other, 'ru')).toBe(`Документ сервера ${id} не открывается командным ключом (изменён на сервере или зашифрован другим ключом); он не принят.`);
  });

  it('words the server’s refusals in the window’s language, quoting its own reason as sent', () => {
    expect(refusalFor(403, { reason: 'You are not a db or server admin.' })).toBe('The server does not let this user use the database (You are not a db or server admin.).');
    setMessageLocale(() => 'fr');
    expect(refusalFor(401, {})).toBe('Le serveur n’a pas accepté le nom d’utilisateur et le mot de passe.');
    expect(spaced(refusalFor(409, { reason: 'Document update conflict.' })!)).toBe('Le serveur a refusé la requête (HTTP 409 : Document update conflict.).');
    setMessageLocale(() => 'ru');
    expect(refusalFor(403, { reason: 'You are not a db or server admin.' })).toBe('Сервер не разрешает этому пользователю работать с базой данных (You are not a db or server admin.).');
    expect(serverUrlProblem('ftp://couch.example.org')).toBe('Адрес сервера должен начинаться с https:// (или http:// в доверенной сети).');
    expect(refusalFor(503, {})).toBeNull();
  });
});
