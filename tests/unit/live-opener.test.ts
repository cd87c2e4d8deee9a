/**
 * Opening pulled bodies away from the thread that stores (core/live/opener.ts, data/live/opener.ts,
 * src-main/cli/live-opener.ts): a worker thread answers exactly what this thread answers — sound bodies,
 * a body sealed with another key, one moved under another id, damaged parts, plaintext that is not JSON — the
 * key crosses once, and a worker that dies leaves the work to this thread with the same answers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newTeamDoc, seal } from '../../src-renderer/src/core/live/envelope';
import { recordDoc } from '../../src-renderer/src/core/live/document';
import { inThreadOpener, openerService, type OpenerReply, type OpenerRequest, type SealedDoc } from '../../src-renderer/src/core/live/opener';
import { workerOpener, type OpenerPort } from '../../src-renderer/src/data/live/opener';
import { nodeOpener } from '../../src-main/cli/live-opener';
import { createRecord } from '../../src-renderer/src/core/records';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { briefingFields } from './fixtures';

const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

async function sample(): Promise<{ key: CryptoKey; docs: SealedDoc[] }> {
  const { team } = await newTeamDoc('team secret', null, 100_000);
  const { team: other } = await newTeamDoc('another secret', null, 100_000);
  const docs: SealedDoc[] = [];
  for (let i = 1; i <= 40; i++) {
    const rec = createRecord('briefings', id(i), briefingFields({ title: `Talks ${i}` }), formatHlc(1_700_000_000_000 + i, 0, 'a'.repeat(32)));
    const d = (await recordDoc(team, 'briefings', rec))!;
    docs.push({ id: d._id, iv: d.iv, ct: d.ct });
  }
  const rec = createRecord('briefings', id(99), briefingFields({ title: 'Other key' }), formatHlc(1_700_000_000_000, 0, 'a'.repeat(32)));
  const foreign = (await recordDoc(other, 'briefings', rec))!;
  docs.push({ id: foreign._id, iv: foreign.iv, ct: foreign.ct });
  docs.push({ ...docs[0]!, id: id(98) });
  docs.push({ id: id(97), iv: 'not base64!', ct: docs[1]!.ct });
  docs.push({ id: id(96), iv: docs[1]!.iv });
  docs.push({ id: id(95), ...(await seal(team, id(95), new TextEncoder().encode('{not json'))) });
  return { key: team.key, docs };
}

afterEach(() => vi.restoreAllMocks());

describe('opening pulled bodies', () => {
  it('a Node worker thread answers what this thread answers, and does the work itself', async () => {
    const { key, docs } = await sample();
    const here = await inThreadOpener.open(key, docs);
    expect(here.filter((b) => b.ok)).toHaveLength(40);
    expect(here.slice(40).map((b) => (b.ok ? 'ok' : `${b.code} ${b.key}`))).toEqual([
      'wrong-passphrase error.live.wrongKey',
      'wrong-passphrase error.live.wrongKey',
      'invalid error.live.notRecord',
      'invalid error.live.notRecord',
      'invalid error.live.unreadable',
    ]);
    const spy = vi.spyOn(inThreadOpener, 'open');
    const opener = nodeOpener();
    try {
      expect(await opener.open(key, docs)).toEqual(here);
      // Two batches at once, answered each with its own.
      const [a, b] = await Promise.all([opener.open(key, docs.slice(0, 3)), opener.open(key, docs.slice(40))]);
      expect(a).toEqual(here.slice(0, 3));
      expect(b).toEqual(here.slice(40));
    } finally {
      opener.close();
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('sends the key once per worker, and a worker that dies leaves its batches to this thread', async () => {
    const { key, docs } = await sample();
    const here = await inThreadOpener.open(key, docs);
    const sent: OpenerRequest[] = [];
    let fail: (reason: string) => void = () => undefined;
    let starts = 0;
    let answerNext = true;
    const opener = workerOpener((): OpenerPort => {
      starts++;
      const answer = openerService();
      let reply: (r: OpenerReply) => void = () => undefined;
      return {
        post: (req) => {
          sent.push(req);
          if (answerNext) void answer(req).then(reply);
        },
        onReply: (f) => (reply = f),
        onFailure: (f) => (fail = f),
        terminate: () => undefined,
      };
    });
    expect(await opener.open(key, docs.slice(0, 5))).toEqual(here.slice(0, 5));
    expect(await opener.open(key, docs.slice(5, 10))).toEqual(here.slice(5, 10));
    expect(sent.map((r) => !!r.key)).toEqual([true, false]);
    answerNext = false;
    const pending = opener.open(key, docs.slice(10));
    fail('worker died');
    expect(await pending).toEqual(here.slice(10));
    expect(await opener.open(key, docs)).toEqual(here);
    expect(starts).toBe(1);
    expect(sent).toHaveLength(3);
  });
});
