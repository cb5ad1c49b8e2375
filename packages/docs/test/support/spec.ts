// The bundled spec (what the page is built from) and the page's own build outputs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledSpecPath, listOperations, loadSpec } from '@nimkit/spec-lib';
import { readDefinition } from '../../src/packed-definition.js';

export type Operation = { operationId: string; path: string; group: string; action: string; op: any };

export const SPEC_FILE: string = bundledSpecPath();
export const spec: any = loadSpec();
export const operations: Operation[] = listOperations(spec);

export const PAGE_FILE = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
/** The copy `npm start` serves: samples target the emulator. */
export const LOCAL_PAGE_FILE = fileURLToPath(new URL('../../dist/local.html', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** The built page. */
export function readPage(): string {
  return readFileSync(PAGE_FILE, 'utf8');
}

/** The definition Redoc renders, read out of the built page (packed by src/packed-definition.js). */
export function pageDefinition(html = readPage()): any {
  return readDefinition(html);
}

/** The operations of the page's definition, keyed by operationId. */
export function pageOperations(definition = pageDefinition()): Map<string, any> {
  return new Map(listOperations(definition).map((o: Operation) => [o.operationId, o.op]));
}
