/**
 * Bad input for the Word, calendar, spreadsheet and Markdown exports, through the registry's one path
 * (`exportFile`, as the app and the CLI call it): an empty selection and a 1 MB text are refused with a
 * clear message and nothing written; control characters in any text never reach the file.
 */
import { messageOf } from '../../src-renderer/src/core/errors';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BRIEFING_ID, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { ExportError, exportFile, formatById, type ExportInput } from '../../src-renderer/src/core/export/formats';
import { briefingInput, trackerInput } from './export-fixture';
import { zipEntries } from './zip-read';

const MINE = ['docx', 'ics', 'csv', 'md'] as const;
// Every C0 control but TAB, LF and CR, and DEL.
// eslint-disable-next-line no-control-regex -- the characters under test
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The text a reader would see of the bytes: a .docx's XML parts, anything else as UTF-8. */
function textOf(id: string, bytes: Uint8Array): string {
  return id === 'docx' ? [...zipEntries(bytes).values()].join('\n') : new TextDecoder().decode(bytes);
}

describe.each(MINE)('export %s with bad input', (id) => {
  const format = formatById(id)!;
  const scope = format.scopes.includes('briefing') ? 'briefing' : 'tracker';

  it('refuses an empty selection with a clear message', async () => {
    const empty: ExportInput = { ...briefingInput(), scope, briefings: [], items: [] };
    await expect(exportFile(format, empty)).rejects.toThrow(ExportError);
    await expect(exportFile(format, empty)).rejects.toThrow(/nothing to export/);
  });

  it('refuses a 1 MB text, naming where it is', async () => {
    const data = exampleWorkspaceData();
    const statement = data.statements.find((s) => s.briefingId === EXAMPLE_BRIEFING_ID)!;
    statement.text = 'x'.repeat(1_048_576);
    const action = data.actions.find((a) => a.due === '2015-05-27')!;
    action.notes = 'y'.repeat(1_048_576);
    const input = scope === 'briefing' ? briefingInput(data) : trackerInput(data);
    await expect(exportFile(format, input)).rejects.toThrow(/longer than 1,000,000 characters/);
    const refusal = await exportFile(format, input).catch((e: unknown) => e);
    expect(messageOf(refusal, 'ru')).toMatch(/длиннее 1\s000\s000 символов; сократите текст перед экспортом$/);
  });

  it('keeps control characters out of the file, and the text around them', async () => {
    const data = exampleWorkspaceData();
    const nasty = 'Bell\u0007 null\u0000 escape\u001b[31m vertical\u000b feed\u000c del\u007f end';
    data.briefings[0]!.title = `Title ${nasty}`;
    for (const s of data.statements) s.text = `${s.text} ${nasty}`;
    for (const a of data.actions) Object.assign(a, { title: `${a.title} ${nasty}`, notes: nasty, owner: `Owner${nasty}` });
    data.people[0]!.name = `Name ${nasty}`;
    for (const input of format.scopes.map((s) => (s === 'briefing' ? briefingInput(data) : trackerInput(data)))) {
      const file = await exportFile(format, input);
      const text = textOf(id, file.bytes);
      expect(text).not.toMatch(CONTROL);
      expect(text).toContain('Bell null escape[31m vertical feed del end');
    }
  });
});
