/**
 * The keys the workspace invariants compare list entries by (core/sync/invariants.ts): a tag already in its
 * folded form is compared as it is (a fast path), any other is folded first, so the fast path must never take
 * a tag that folding would change; organiser ids are compared as they are, and distinct ids are no repeat.
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { emptyWorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord } from '../../src-renderer/src/core/records';
import { checkWorkspace } from '../../src-renderer/src/core/sync/invariants';
import { briefingFields } from './fixtures';
import { V2_FIELDS } from '../../src-renderer/src/core/upgrade';

const clock = formatHlc(Date.UTC(2025, 0, 1), 0, 'a1');
const ORG_A = '01900000-0000-7000-8000-0000000000a1';
const ORG_B = '01900000-0000-7000-8000-0000000000a2';

function rulesFor(tags: string[], organiserIds: string[] = []) {
  const data = emptyWorkspaceData();
  data.organisations.push(createRecord('organisations', ORG_A, { ...V2_FIELDS.organisations(), name: 'A', acronym: '', country: '' }, clock));
  data.organisations.push(createRecord('organisations', ORG_B, { ...V2_FIELDS.organisations(), name: 'B', acronym: '', country: '' }, clock));
  data.briefings.push(createRecord('briefings', '01900000-0000-7000-8000-000000000001', briefingFields({ tags, organiserIds }), clock));
  return checkWorkspace(data).map((f) => f.rule);
}

describe('invariant keys', () => {
  it('finds a repeated tag when only folding shows it, whichever spelling comes first', () => {
    expect(rulesFor(['energie X', 'energie x'])).toEqual(['unique-tags']);
    expect(rulesFor(['energie x', 'energie X'])).toEqual(['unique-tags']);
    expect(rulesFor(['abc É', 'abc e'])).toEqual(['unique-tags']);
    expect(rulesFor(['abc e', 'abc  É '])).toEqual(['unique-tags']);
    expect(rulesFor(['water', 'energie x'])).toEqual([]);
  });

  it('takes distinct organisers for distinct, and the same id twice for a repeat', () => {
    expect(rulesFor([], [ORG_A, ORG_B])).toEqual([]);
    expect(rulesFor([], [ORG_A, ORG_B, ORG_A])).toEqual(['unique-organisers']);
  });
});
