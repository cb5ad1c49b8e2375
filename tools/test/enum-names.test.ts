// The generator's check that every coded value of the spec has a name (x-enum-varnames + a title naming the set).
// That @nimkit/client exports each set is checked in packages/contract-tests/test/enum-names.test.ts.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '@nimkit/spec-lib';
import { enumNameProblems, integerEnums } from '../codegen/enums.mjs';

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
});
