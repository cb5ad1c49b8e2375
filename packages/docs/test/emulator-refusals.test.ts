// The page shows the emulator's refusal codes exactly as its ADRs record them (issue 13: "one table (ADR) and ... the
// docs page"): every row of each ADR table is on the built page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFUSAL_TABLES, firstTableAfter } from '../src/emulator-refusals.js';
import { pageDefinition } from './support/spec.js';

const intro: string = pageDefinition().info.description;
const adr = (file: string) => readFileSync(new URL(`../../../docs/adr/${file}`, import.meta.url), 'utf8');

describe('the emulator refusal codes on the page', () => {
  it.each(REFUSAL_TABLES.map(([file, heading, scope]) => ({ file, heading, scope })))('$scope: every row of $file', ({ file, heading }) => {
    const rows = firstTableAfter(adr(file), heading)
      .split('\n')
      .slice(2);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(intro, row).toContain(row);
  });

  it('sits under the mock section, after the options', () => {
    expect(intro.indexOf('### Codes the emulator chooses')).toBeGreaterThan(intro.indexOf('## Trying it on the mock'));
    expect(intro).not.toContain('<!-- docs:emulator-refusals -->');
  });

  it('names a missing heading or table', () => {
    expect(() => firstTableAfter('# x\n', '## Decision')).toThrow(/no "## Decision" heading/);
    expect(() => firstTableAfter('\n## Decision\ntext only\n', '## Decision')).toThrow(/no table/);
  });
});
