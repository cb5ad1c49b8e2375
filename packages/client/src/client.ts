// createNimClient: options -> the generated facade over one `call`.
import { bindFacade, type NimFacade, type OperationCaller } from './generated/operations.js';
import type { NimClientOptions } from './options.js';
import { resolveRetryPolicy } from './retry.js';
import { HostRotation } from './hosts.js';
import type { ValidateFn } from './validation.js';
import { createCaller } from './call.js';
import { resolveConnection } from './connection.js';
import { checkMs } from './checks.js';

export interface NimClientInternals {
  /** Present in '@nimkit/client', absent in '@nimkit/client/core' (which then never loads the validators). */
  validate?: ValidateFn;
}

export type NimClient = NimFacade & {
  /** Calls an operation by id: `nim.call('qchatGetServers', { serverIds: ['1'] })`; the facade methods are shortcuts. */
  readonly call: OperationCaller;
  /** The base URLs this client uses, primary first. */
  readonly hosts: readonly string[];
};

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_FAILBACK_MS = 60_000;
/** The vendor's largest documented answers are a few hundred KB; 16 MiB leaves room and bounds a runaway body. */
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export function createNimClientWith(options: NimClientOptions, internals: NimClientInternals = {}): NimClient {
  const connection = resolveConnection(options);
  const timeoutMs = checkMs(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const failbackMs = checkMs(options.failbackMs ?? DEFAULT_FAILBACK_MS, 'failbackMs', 0);
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) throw new TypeError(`maxResponseBytes must be a positive integer, got ${String(maxResponseBytes)}`);
  if (options.validate && !internals.validate) {
    throw new TypeError("validate: true needs the validators: import createNimClient from '@nimkit/client' (not '/core')");
  }
  const { appKey, hosts } = connection;

  const call = createCaller({
    ...connection,
    rotation: new HostRotation(hosts, failbackMs, connection.now),
    policy: resolveRetryPolicy(options.retry),
    timeoutMs,
    maxResponseBytes,
    hooks: options.hooks,
    validate: internals.validate,
    validateByDefault: options.validate ?? internals.validate !== undefined,
  });

  const client = { ...bindFacade(call), call, hosts: Object.freeze([...hosts]) };
  // Printing or serializing the client shows the AppKey and hosts, never the AppSecret.
  const label = `NimClient { appKey: ${JSON.stringify(appKey)}, hosts: ${JSON.stringify(hosts)} }`;
  Object.defineProperties(client, {
    toJSON: { value: () => ({ appKey, hosts: [...hosts] }) },
    toString: { value: () => label },
    [Symbol.toStringTag]: { value: 'NimClient' },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: () => label },
    [Symbol.for('Deno.customInspect')]: { value: () => label },
  });
  return Object.freeze(client);
}
