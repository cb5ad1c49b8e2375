// Every coded value of the spec has a name (x-enum-varnames + a title naming the set), and @nimkit/client exports
// each set as a constant with exactly those names and values.
import { describe, expect, it } from 'vitest';
import * as client from '@nimkit/client';
import { loadSpec } from '@nimkit/spec-lib';
import { enumNameProblems, integerEnums, namedEnums } from '../codegen/enums.mjs';

const spec = loadSpec();

describe('named coded values', () => {
  it('every integer enum of the spec has x-enum-varnames and a title', () => {
    expect(integerEnums(spec).length).toBeGreaterThan(40);
    expect(enumNameProblems(spec)).toEqual([]);
  });

  it('the check catches an unnamed enum and two sets that disagree', () => {
    const broken = structuredClone(spec);
    delete broken.components.schemas.QchatInviteMode['x-enum-varnames'];
    broken.components.schemas.QchatApplyMode.title = 'QchatValidFlag';
    const problems = enumNameProblems(broken);
    expect(problems.some((p: string) => p.includes('QchatInviteMode') && p.includes('x-enum-varnames'))).toBe(true);
    expect(problems.some((p: string) => p.includes('QchatValidFlag'))).toBe(true);
  });

  it('@nimkit/client exports each set with the same names and values', () => {
    const sets = namedEnums(spec) as Map<string, { values: Map<number, string> }>;
    for (const [title, { values }] of sets) {
      const expected = Object.fromEntries([...values].map(([value, name]) => [name, value]));
      expect((client as unknown as Record<string, unknown>)[title], title).toEqual(expected);
    }
  });
});
