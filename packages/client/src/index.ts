// @nimkit/client: the default entry, with client-side validation generated from the spec (on by default).
import { createNimClientWith, type NimClient } from './client.js';
import type { NimClientOptions } from './options.js';
import * as validators from './generated/validators.js';
import { createValidate, type Validators } from './validation.js';

const validate = /* @__PURE__ */ createValidate(validators as unknown as Validators);

/** Creates a client that validates each body against the spec before sending it (turn off with `validate: false`). */
export function createNimClient(options: NimClientOptions): NimClient {
  return createNimClientWith(options, { validate });
}

export * from './exports.js';
