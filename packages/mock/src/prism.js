// Prism as a library: request validation, example selection (`Prefer: example=...`) and dynamic bodies.
import { randomBytes } from 'node:crypto';
import { createInstance, getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createLogger } from '@stoplight/prism-core';
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import { validateInput } from '@stoplight/prism-http/dist/validator/index.js';
import { isRight } from 'fp-ts/lib/Either.js';
import { realistic } from './generation.js';
import { onlyEncoding } from './encoding.js';
import { deref, okMedia, FORM } from './spec.js';

/**
 * The document Prism serves: each 200 response keeps only its success branch in the docs' encoding, inlined with
 * dynamic mode's generation profile (errors are still served by name with `Prefer: example=...`).
 * @param {Record<string, any>} spec
 */
export function specForPrism(spec) {
  const copy = structuredClone(spec);
  for (const item of Object.values(copy.paths)) {
    const op = item?.post;
    if (!op) continue;
    const media = okMedia(op);
    if (media?.schema) {
      const branches = media.schema.oneOf ?? [media.schema];
      const success = branches.find((/** @type {{ $ref?: string }} */ b) => !String(b.$ref ?? '').endsWith('/ErrorResponse')) ?? branches[0];
      // Every mode produces the docs' form; the `sdk` encoding is applied later, to the written answer.
      media.schema = realistic(onlyEncoding(deref(spec, success), 'docs'));
    }
    // The vendor accepts an empty form when no field is required (e.g. stats/chatroom/topn); Prism would not.
    const body = op.requestBody;
    if (body && !deref(spec, body.content?.[FORM]?.schema ?? {}).required?.length) body.required = false;
  }
  return copy;
}

/**
 * Loads the operations into Prism once. Returns { resources: Map(path -> Prism operation), handle }.
 * handle(resource, request) runs one request through Prism against that one operation - the front has routed it
 * already, so Prism's router does not score all 75 paths again - and resolves to one of
 * { violations } | { body, example } | { failure: { status, detail } }.
 * @param {Record<string, any>} spec
 * @param {{ dynamic?: boolean, seed?: string }} [options]
 */
export async function createPrism(spec, { dynamic = false, seed } = {}) {
  const operations = await getHttpOperationsFromSpec(specForPrism(spec));
  const resources = new Map(operations.filter((o) => o.method === 'post').map((o) => [o.path, withoutEmptyParams(o)]));
  const logger = createLogger('nim-mock', { level: 'silent' });
  /** @type {any} Prism's IHttpConfig (its types want every optional field spelled out) */
  const config = {
    mock: { dynamic },
    checkSecurity: false, // the front checks the real signature (auth.js)
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  };
  const prism = createInstance(config, { logger });
  const fixedSeed = seed === undefined || seed === null || seed === '' ? undefined : String(seed);

  /**
   * @param {any} resource a Prism operation from `resources`
   * @param {{ path: string, headers: Record<string, any>, body: string, defaultExample?: string }} request
   * @returns {Promise<{ violations?: any[], body?: unknown, example?: string, failure?: { status: number, detail: string } }>}
   */
  async function handle(resource, { path, headers, body, defaultExample }) {
    // The vendor always answers JSON: an Accept header must not make Prism refuse to negotiate.
    const { accept, ...rest } = headers;
    /** @type {any} Prism's IHttpRequest */
    const input = { method: 'post', url: { path, query: {} }, headers: rest, body };
    /** @type {Record<string, any>} */
    let prefs = {};
    if (headers.prefer) {
      const parsed = getHttpConfigFromRequest(input);
      if (!isRight(parsed)) return { failure: { status: 400, detail: `bad Prefer header: ${parsed.left.detail ?? parsed.left.message}` } };
      prefs = parsed.right;
    }
    const isDynamic = prefs.dynamic ?? dynamic;
    const exampleKey = prefs.exampleKey ?? (isDynamic ? undefined : defaultExample);
    const mock = {
      dynamic: isDynamic,
      ...(exampleKey ? { exampleKey } : {}),
      ...(prefs.code ? { code: prefs.code } : {}),
      // Always seeded: json-schema-faker's random source is process-global, so an unseeded mock would otherwise
      // inherit the last seeded one's sequence when two run in one process.
      ...(isDynamic ? { seed: prefs.seed ?? fixedSeed ?? randomBytes(8).toString('hex') } : {}),
    };
    const result = await prism.request(input, [resource], { ...config, mock })();
    if (!isRight(result)) {
      // An invalid body with no 4xx response in the spec: Prism gives up with a 422 problem holding the violations.
      /** @type {any} Prism's problem object */
      const problem = result.left;
      const validation = problem.additional?.validation;
      if (validation) return { violations: validation };
      const status = Number(problem.status) < 500 ? 400 : 500;
      return { failure: { status, detail: String(problem.detail || problem.message || problem.title) } };
    }
    return { body: result.right.output.body, example: exampleKey ?? (isDynamic ? 'dynamic' : undefined) };
  }

  /**
   * Prism's request validation alone, synchronous, for the stateful mode (whose answer comes from state, not from an
   * example): the same check `handle` runs first, with the same outcome - { violations } | { failure } | {}.
   * @param {any} resource a Prism operation from `resources`
   * @param {{ path: string, headers: Record<string, any>, body: string }} request
   * @returns {{ violations?: any[], body?: unknown, example?: string, failure?: { status: number, detail: string } }}
   */
  function validate(resource, { path, headers, body }) {
    const { accept, ...rest } = headers;
    const result = validateInput({ resource, element: { method: 'post', url: { path, query: {} }, headers: rest, body } });
    if (isRight(result)) return {};
    // As Prism's mocker: warnings alone let the request through; with an error, every finding is reported.
    if (!result.left.some((v) => v.severity === ERROR)) return {};
    const contentType = result.left.find((v) => v.code === 415);
    if (contentType) return { failure: { status: 400, detail: String(contentType.message) } };
    return { violations: result.left };
  }

  return { resources, handle, validate };
}

/** DiagnosticSeverity.Error of @stoplight/types. */
const ERROR = 0;

/**
 * The spec declares no path, query, header or cookie parameters; Prism would still validate against the empty lists
 * on every request (a URI-template match included). Dropping them skips that work and changes no answer.
 * @template {Record<string, any>} R
 * @param {R} resource
 * @returns {R}
 */
function withoutEmptyParams(resource) {
  for (const key of ['path', 'query', 'headers', 'cookie']) {
    if (Array.isArray(resource.request?.[key]) && resource.request[key].length === 0) delete resource.request[key];
  }
  return resource;
}
