/** Saved pack definitions (data/packs.ts) and the file name a pack is offered under (ui/packs/file-name.ts). */
import { describe, expect, it } from 'vitest';
import { packOptions } from '../../src-renderer/src/core/pack/options';
import { AttacheDb } from '../../src-renderer/src/data/db';
import {
  listPackDefinitions,
  readPackDefinition,
  removePackDefinition,
  restorePackDefinition,
  savePackDefinition,
} from '../../src-renderer/src/data/packs';
import { Workspace } from '../../src-renderer/src/data/workspace';
import { packFileName } from '../../src-renderer/src/ui/packs/file-name';

const freshWorkspace = () => Workspace.open(new AttacheDb(`packs-${Math.random()}`));

describe('saved pack definitions', () => {
  it('stores name and options, and reads them back validated', async () => {
    const ws = await freshWorkspace();
    const options = packOptions({
      title: 'Weekly security',
      recipient: 'For H.E. the Ambassador',
      ceiling: 'restricted',
      watermark: 'DRAFT',
      paper: 'Letter',
      selection: { tags: ['security'], from: '2015-01-01' },
    });
    const { definition, replaced } = await savePackDefinition(ws, '  Weekly security ', options);
    expect(replaced).toBe(false);
    expect(definition.name).toBe('Weekly security');
    const [stored] = await listPackDefinitions(ws.db);
    const read = readPackDefinition(stored!);
    expect(read).toEqual({ ok: true, options });
  });

  it('does not remember the dates of one run: a re-run next month carries next month’s date', async () => {
    const ws = await freshWorkspace();
    await savePackDefinition(ws, 'Dated', packOptions({ issueDate: '2015-03-20', creationDate: '2015-03-20T09:00:00Z' }));
    const [stored] = await listPackDefinitions(ws.db);
    expect(stored!.options).not.toHaveProperty('issueDate');
    expect(stored!.options).not.toHaveProperty('creationDate');
    const read = readPackDefinition(stored!);
    expect(read.ok && [read.options.issueDate, read.options.creationDate]).toEqual(['', '']);
  });

  it('replaces a definition saved under the same name (ignoring case) instead of adding another', async () => {
    const ws = await freshWorkspace();
    const first = await savePackDefinition(ws, 'Weekly', packOptions({ paper: 'A4' }));
    const second = await savePackDefinition(ws, 'WEEKLY', packOptions({ paper: 'Letter' }));
    expect(second.replaced).toBe(true);
    expect(second.definition.id).toBe(first.definition.id);
    const all = await listPackDefinitions(ws.db);
    expect(all).toHaveLength(1);
    expect(all[0]!.options.paper).toBe('Letter');
  });

  it('refuses an empty name and invalid options without writing anything', async () => {
    const ws = await freshWorkspace();
    await expect(savePackDefinition(ws, '   ', packOptions())).rejects.toThrow(/name/i);
    const bad = { ...packOptions(), selection: { ...packOptions().selection, from: '2015-05-01', to: '2015-04-01' } };
    await expect(savePackDefinition(ws, 'Backwards', bad)).rejects.toThrow(/"From" is after "To"/);
    expect(await ws.db.packs.count()).toBe(0);
  });

  it('reports a stored definition that no longer validates, rather than loading it half-valid', () => {
    const r = readPackDefinition({ options: { paper: 'A3', selection: { from: '2015-02-30' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['paper', 'selection.from']);
  });

  it('lists by name; a deleted definition disappears and comes back with undo', async () => {
    const ws = await freshWorkspace();
    await savePackDefinition(ws, 'beta', packOptions());
    const { definition } = await savePackDefinition(ws, 'Alpha', packOptions());
    expect((await listPackDefinitions(ws.db)).map((d) => d.name)).toEqual(['Alpha', 'beta']);
    await removePackDefinition(ws, definition.id);
    expect((await listPackDefinitions(ws.db)).map((d) => d.name)).toEqual(['beta']);
    await restorePackDefinition(ws, definition.id);
    expect((await listPackDefinitions(ws.db)).map((d) => d.name)).toEqual(['Alpha', 'beta']);
  });
});

describe('pack file name', () => {
  it('carries the title and the date of issue', () => {
    expect(packFileName('Dushanbe', '2026-11-26')).toBe('Dushanbe-briefing-pack-2026-11-26.pdf');
    expect(packFileName('Central Asia: security & water', '2015-04-10')).toBe('Central-Asia-security-water-briefing-pack-2015-04-10.pdf');
  });

  it('does not repeat "briefing pack" and keeps non-Latin letters', () => {
    expect(packFileName('Briefing pack', '2015-04-10')).toBe('Briefing-pack-2015-04-10.pdf');
    expect(packFileName('Душанбе', '2015-04-10')).toBe('Душанбе-briefing-pack-2015-04-10.pdf');
  });

  it('never yields a path, a hidden file or an empty name', () => {
    expect(packFileName('../../etc/passwd', '2015-04-10')).toBe('etc-passwd-briefing-pack-2015-04-10.pdf');
    expect(packFileName('...', '2015-04-10')).toBe('briefing-pack-2015-04-10.pdf');
    expect(packFileName('a\u0000b\tc', '2015-04-10')).toBe('a-b-c-briefing-pack-2015-04-10.pdf');
    expect(packFileName('C:\\Users\\x', '')).toBe('C-Users-x-briefing-pack.pdf');
    expect(packFileName('x'.repeat(500), '2015-04-10').length).toBeLessThanOrEqual(80 + '-briefing-pack-2015-04-10.pdf'.length);
  });
});
