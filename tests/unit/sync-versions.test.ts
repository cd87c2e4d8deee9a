/**
 * Older files read by core/sync/versions.ts: what it upgrades before validation, and what it leaves for
 * validation to refuse in the decoder's own words (never a TypeError from reaching into a malformed value).
 * Written for the survivors of the mutation run (docs/testing.md).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { decodeSyncFile, encodeSyncFile, type HeaderFields } from '../../src-renderer/src/core/sync/format';
import { SyncError } from '../../src-renderer/src/core/sync/guards';
import { briefingFields } from './fixtures';

const header: HeaderFields = {
  app: { name: 'Attaché', version: '0.1.0' },
  installation: { id: '01900000-0000-7000-8000-00000000abcd', name: 'Laptop' },
  createdAt: '2025-01-01T00:00:00.000Z',
  scope: { kind: 'full' },
};
const CLOCK = formatHlc(Date.UTC(2025, 0, 1), 0, 'a1');
const COUNTS_V1 = { settings: 0, organisations: 0, people: 0, briefings: 0, statements: 0, actions: 0, packs: 0, conflicts: 0 };

/** A file from its header fields and body lines, with the trailer a writer would put. */
function file(head: Record<string, unknown>, lines: unknown[]): Uint8Array {
  const content = `${JSON.stringify(head)}\n${lines.map((l) => `${JSON.stringify(l)}\n`).join('')}`;
  const digest = createHash('sha256').update(content).digest('hex');
  return new TextEncoder().encode(`${content}{"sha256":"${digest}"}\n`);
}

async function refusal(bytes: Uint8Array): Promise<unknown> {
  try {
    await decodeSyncFile(bytes);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('files of the first version with malformed parts', () => {
  it('refuse header counts that are not an object in the decoder’s words', async () => {
    for (const counts of [null, [], 'all', 7]) {
      const e = await refusal(file({ format: 'attache-sync', version: 1, ...header, counts, maxClock: '' }, []));
      expect(e, JSON.stringify(counts)).toBeInstanceOf(SyncError);
    }
  });

  it('refuse a record, or its stamps, that is not an object in the decoder’s words', async () => {
    const b = createRecord('briefings', '01900000-0000-7000-8000-000000000001', briefingFields(), CLOCK) as unknown as Record<string, unknown>;
    // As the first version wrote it: without the fields version 2 added (which the upgrade would stamp).
    const { attendees: _a, attendeeGroups: _g, comment: _c, ...v1 } = b;
    const bad: unknown[] = [null, [], 'briefing', { ...v1, stamps: null }, { ...v1, stamps: [] }, { ...v1, stamps: 'x' }];
    for (const record of bad) {
      const e = await refusal(file({ format: 'attache-sync', version: 1, ...header, counts: { ...COUNTS_V1, briefings: 1 }, maxClock: CLOCK }, [{ table: 'briefings', records: [record] }]));
      expect(e, JSON.stringify(record)?.slice(0, 40)).toBeInstanceOf(SyncError);
    }
  });
});

describe('files of the current version', () => {
  it('keep their header counts as written: a count missing for a table of this version is refused, not made up', async () => {
    const data = emptyWorkspaceData();
    const written = new TextDecoder().decode(await encodeSyncFile(data, header));
    const head = JSON.parse(written.slice(0, written.indexOf('\n'))) as { counts: Record<string, number> };
    expect(await decodeSyncFile(file(head, []))).toBeDefined();
    delete head.counts.templates;
    expect(await refusal(file(head, []))).toBeInstanceOf(SyncError);
  });
});
