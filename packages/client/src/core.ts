// @nimkit/client/core: the same client without the generated validators, for the smallest bundle.
import { createNimClientWith, type NimClient } from './client.js';
import type { NimClientOptions } from './options.js';

/** Creates a client that sends bodies without validating them first (the vendor still answers 414 for bad input). */
export function createNimClient(options: NimClientOptions): NimClient {
  return createNimClientWith(options);
}

export * from './exports.js';
