// Real mocks on free loopback ports, signing, and raw HTTP for what the client would refuse to send.
import { operationsByPath, sampleRequest } from '@nimkit/spec-lib';
import { testMockStarter } from '@nimkit/test-kit';
import { startMock } from '../../src/index.js';
import { loadSpec } from '../../src/spec.js';

export { APP_KEY, APP_SECRET, FORM_TYPE, postRaw, sha1, sign, toForm } from '@nimkit/test-kit';

/** The spec the mock serves by default (packages/mock/spec/openapi.json, copied from @nimkit/spec by the build). */
export const spec = loadSpec();

export interface Operation {
  operationId: string;
  path: string;
  request: { properties?: Record<string, any>; required?: string[]; additionalProperties?: unknown };
  examples: { name: string; code: number; summary: string }[];
}
export const operations: Operation[] = [...operationsByPath(spec).values()];

export const startTestMock = testMockStarter(startMock);

/** The modes whose refusals of bad input must be identical (the 414 suites run in each). */
export const VALIDATING_MODES = ['examples', 'stateful'] as const;

/** A valid body of an operation (required fields only, or every field), in the client's shape. */
export function sampleBody(path: string, { full = false } = {}): Record<string, unknown> {
  return sampleRequest(spec, spec.paths[path].post, { full });
}
