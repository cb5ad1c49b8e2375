// @nimkit/client exports every named set of coded values of the spec (x-enum-varnames + a title naming the set) as a
// constant with exactly those names and values. The sets are read here from the bundled spec on their own, not with
// the generator's code (its naming check is tools/test/enum-names.test.ts).
import { describe, expect, it } from 'vitest';
import * as client from '@nimkit/client';
import { spec } from './support/spec.js';

/** title -> { name: value } of every named integer enum node (`type` may sit elsewhere), wherever it is in the spec. */
function namedSets(node: unknown, sets = new Map<string, Record<string, number>>()) {
  if (Array.isArray(node)) for (const item of node) namedSets(item, sets);
  else if (node && typeof node === 'object') {
    const n = node as Record<string, any>;
    if (Array.isArray(n.enum) && n.enum.every(Number.isInteger) && n.title && n['x-enum-varnames']) {
      const set = sets.get(n.title) ?? {};
      n.enum.forEach((value: number, i: number) => (set[n['x-enum-varnames'][i]] = value));
      sets.set(n.title, set);
    }
    for (const value of Object.values(n)) namedSets(value, sets);
  }
  return sets;
}

describe('named coded values', () => {
  it('@nimkit/client exports each set with the same names and values', () => {
    const sets = namedSets(spec);
    expect(sets.size).toBeGreaterThan(30);
    expect(sets.has('QchatMsgStatus'), 'an enum whose node has no type').toBe(true);
    for (const [title, expected] of sets) expect((client as unknown as Record<string, unknown>)[title], title).toEqual(expected);
  });
});
