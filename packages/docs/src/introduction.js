// Fills the generated parts of the hand-written introduction (spec/introduction.md), which marks where they go
// with HTML comments, invisible to any other reader of the spec.
import { emulatorRefusalsSection } from './emulator-refusals.js';
import { hostsTable } from './hosts-table.js';
import { mockOptionsSection } from './mock-options.js';
import { statusCodeTable } from './status-table.js';

export const MARKERS = {
  hosts: '<!-- docs:hosts -->',
  statusCodes: '<!-- docs:status-codes -->',
  mockOptions: '<!-- docs:mock-options -->',
  emulatorRefusals: '<!-- docs:emulator-refusals -->',
};

/**
 * @param {Record<string, any>} spec
 * @param {{ regions: Readonly<Record<string, readonly string[]>> }} options
 */
export function fillIntroduction(spec, { regions }) {
  let text = spec.info.description;
  const parts = {
    hosts: hostsTable(spec, regions),
    statusCodes: statusCodeTable(spec),
    mockOptions: mockOptionsSection(),
    emulatorRefusals: emulatorRefusalsSection(),
  };
  for (const [name, marker] of Object.entries(MARKERS)) {
    const count = text.split(marker).length - 1;
    if (count !== 1) throw new Error(`spec/introduction.md must contain ${marker} exactly once (found ${count})`);
    text = text.replace(marker, () => parts[/** @type {keyof typeof parts} */ (name)]); // a function: `$` in the tables is not a pattern
  }
  return text;
}
