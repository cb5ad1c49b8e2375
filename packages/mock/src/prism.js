// Prism as a library: request validation, example selection (`Prefer: example=...`) and dynamic bodies.
import { createInstance, getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createLogger } from '@stoplight/prism-core';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import { isRight } from 'fp-ts/lib/Either.js';

export async function createPrism(spec, { dynamic = false, seed } = {}) {
  const operations = await getHttpOperationsFromSpec(spec);
  const logger = createLogger('nim-mock', { level: 'silent' });
  const config = {
    mock: { dynamic, ...(seed !== undefined ? { seed: String(seed) } : {}) },
    checkSecurity: false, // the mock checks the real signature itself (auth.js)
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  };
  const prism = createInstance(config, { logger });

  /** Runs one request through Prism; returns { violations, statusCode, body } or { failure }. */
  return async function handle(input) {
    const prefs = getHttpConfigFromRequest(input);
    if (!isRight(prefs)) return { failure: prefs.left };
    const { seed: preferSeed, ...rest } = prefs.right;
    const mock = { ...config.mock, ...withoutUndefined(rest), ...(preferSeed ? { seed: preferSeed } : {}) };
    const result = await prism.request(input, operations, { ...config, mock })();
    if (!isRight(result)) {
      // An invalid body with no 4xx response in the spec: Prism gives up with a 422 problem holding the violations.
      const validation = result.left.additional?.validation;
      return validation ? { violations: validation, statusCode: 422 } : { failure: result.left };
    }
    const { output, validations } = result.right;
    return {
      violations: validations.input.filter((v) => v.severity === 0 || v.severity === 'Error'),
      statusCode: output.statusCode,
      body: output.body,
    };
  };
}

function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}
