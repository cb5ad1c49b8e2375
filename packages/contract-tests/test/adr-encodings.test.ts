// ADR 0042 lists every response field with two encodings; the list must match the spec.
import { expect, it } from 'vitest';
import { encodingsTable, tableInAdr } from '../../../tools/adr/encodings.mjs';
import { spec } from './support/spec.js';

it('the table of fields with two encodings in docs/adr/0042 matches the spec', () => {
  expect(tableInAdr(), 'run `node tools/adr/encodings.mjs`').toBe(encodingsTable(spec));
});
