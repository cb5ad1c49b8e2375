// The spec the mock serves: by default its own copy of the bundled spec (spec/openapi.json, copied from @nimkit/spec
// by the build), so the published package needs no other file. Reading it is @nimkit/spec-lib's job.
import { fileURLToPath } from 'node:url';
import { loadSpec as loadSpecFile } from '@nimkit/spec-lib';

export { FORM, checkShape, deref, okMedia, operationsByPath } from '@nimkit/spec-lib';

export const DEFAULT_SPEC = fileURLToPath(new URL('../spec/openapi.json', import.meta.url));

/**
 * Reads a bundled OpenAPI JSON document (default: the copy shipped in this package).
 * @param {string} [path]
 */
export function loadSpec(path = DEFAULT_SPEC) {
  return loadSpecFile(path);
}
