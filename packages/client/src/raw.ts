// The escape hatch: the typed, path-based openapi-fetch client (`nim.raw.POST('/qchat/getServers.action', ...)`),
// signed per request, form-encoded, with ids exact. It does not validate, retry or fail over.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema.js';
import { operationTable } from './generated/operations.js';
import { encodeFormBody, FORM_CONTENT_TYPE } from './form.js';
import { normaliseBody, parseJsonLossless, stringifyIds, type BodyShape } from './json.js';
import { randomNonce, signHeaders } from './signing.js';
import { resolveConnection, type ConnectionOptions } from './connection.js';

export type RawClient = Client<paths>;

/** The connection options of createNimClient (no timeout, retry, hooks or validation: the raw client has none). */
export type RawClientOptions = ConnectionOptions;

const shapeByPath = /* @__PURE__ */ new Map<string, BodyShape>(Object.values(operationTable).map((m) => [m.path, m]));

/**
 * The escape hatch: openapi-fetch's typed path-based client, `raw.POST('/qchat/getServers.action', { body })`,
 * signed per request, form-encoded, ids exact. It returns openapi-fetch's `{ data, error, response }` and does not
 * validate, retry, time out or fail over (pass `signal` yourself). It talks to the first host.
 */
export function createRawClient(options: RawClientOptions): RawClient {
  const config = resolveConnection(options, 'createRawClient');
  const { appKey, appSecret } = config;
  const middleware: Middleware = {
    onRequest({ request }) {
      const auth = signHeaders({ appKey, appSecret, now: config.signingClock() / 1000, nonce: config.nonce() });
      for (const [name, value] of Object.entries(auth)) request.headers.set(name, value);
      if (!request.headers.has('RequestId')) request.headers.set('RequestId', randomNonce());
      return request;
    },
    // openapi-fetch would JSON.parse the body and round ids above 2^53: hand it a body with ids as strings, and a
    // success body in its one documented shape (docs/adr/0042).
    async onResponse({ response, schemaPath }) {
      const shape = shapeByPath.get(schemaPath);
      if (!shape) return undefined;
      const text = await response.text();
      let body = text;
      try {
        const value = parseJsonLossless(text) as { code?: unknown };
        if (value?.code === 200) normaliseBody(value, shape);
        else stringifyIds(value, shape.ids);
        body = JSON.stringify(value);
      } catch {
        /* not JSON: pass it through unchanged */
      }
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
  };
  const client = createClient<paths>({
    baseUrl: config.hosts[0]!,
    fetch: async (request: Request) => config.fetch(request.url, await requestInit(request)),
    headers: { ...config.headers, 'Content-Type': FORM_CONTENT_TYPE },
    bodySerializer: (body: unknown) => encodeFormBody(body),
  });
  client.use(middleware);
  return client;
}

/** The parts of a Request that fetch(url, init) needs, so a custom fetch sees the same call shape as the facade. */
async function requestInit(request: Request): Promise<RequestInit> {
  const body = request.body ? await request.text() : undefined;
  // Redirects are not followed, as in the facade (transport.ts): a 3xx comes back as the response.
  return { method: request.method, headers: request.headers, body, signal: request.signal, redirect: 'manual' };
}
