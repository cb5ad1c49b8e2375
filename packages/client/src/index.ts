// @nimkit/client: the default entry, with client-side validation generated from the spec.
import { createNimClientWith, type NimClient, type NimClientOptions } from './client.js';
import * as validators from './generated/validators.js';

/** Creates a client with request validation on by default (turn off with `validate: false`). */
export function createNimClient(options: NimClientOptions): NimClient {
  return createNimClientWith(options, { validators: validators as never });
}

export * from './exports.js';
