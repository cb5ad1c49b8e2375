// @nimkit/client/core: the same client without the generated validators, for the smallest bundle.
import { createNimClientWith, type NimClient, type NimClientOptions } from './client.js';

/** Creates a client that sends bodies without validating them first. */
export function createNimClient(options: NimClientOptions): NimClient {
  return createNimClientWith(options);
}

export * from './exports.js';
