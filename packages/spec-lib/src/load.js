// Loading a bundled OpenAPI JSON document, by default the one @nimkit/spec builds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @typedef {Record<string, any>} OpenApiDocument a bundled OpenAPI 3.1 document (local $refs only) */

export const FORM = 'application/x-www-form-urlencoded';

/**
 * Path of @nimkit/spec's bundled openapi.json. Resolved on call: the mock ships its own copy and never needs it.
 * @returns {string}
 */
export function bundledSpecPath() {
  const pkg = createRequire(import.meta.url).resolve('@nimkit/spec/package.json');
  return join(dirname(pkg), 'dist/openapi.json');
}

/**
 * Reads a bundled OpenAPI JSON document; a clear error for a missing file, YAML or a document without paths.
 * @param {string} [path] default: @nimkit/spec's bundled openapi.json
 * @returns {OpenApiDocument}
 */
export function loadSpec(path = bundledSpecPath()) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the spec ${path}: ${error instanceof Error ? error.message : error}`);
  }
  let spec;
  try {
    spec = JSON.parse(text);
  } catch {
    throw new Error(`the spec ${path} is not JSON; pass a bundled OpenAPI JSON such as @nimkit/spec/openapi.json`);
  }
  checkShape(spec, path);
  return spec;
}

/**
 * Throws unless `spec` looks like an OpenAPI document.
 * @param {unknown} spec
 * @param {string} [where] what to call it in the error
 * @returns {asserts spec is OpenApiDocument}
 */
export function checkShape(spec, where = 'the spec') {
  if (!spec || typeof spec !== 'object' || !('paths' in spec) || !spec.paths || typeof spec.paths !== 'object') {
    throw new Error(`${where} is not an OpenAPI document (no "paths")`);
  }
}
