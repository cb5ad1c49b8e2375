// The registry: every group's handlers by operationId, and the empty state of a new app (one key per group).
import * as chatroom from './chatroom/index.js';
import * as qchat from './qchat/index.js';

export const groups = { chatroom, qchat };

/** operationId -> handler(ctx, req). */
export const handlers = mergeHandlers(groups);

/** A new app's state: `{ chatroom: ..., qchat: ... }`, each from its group's initialState(). */
export function initialState() {
  return Object.fromEntries(Object.entries(groups).map(([name, g]) => [name, g.initialState()]));
}

/**
 * @param {Record<string, { handlers: Record<string, Function> }>} all
 * @returns {Record<string, Function>}
 */
function mergeHandlers(all) {
  /** @type {Record<string, Function>} */
  const out = {};
  for (const [name, g] of Object.entries(all)) {
    for (const [operationId, handler] of Object.entries(g.handlers)) {
      if (operationId in out) throw new Error(`emulator: ${operationId} has handlers in two groups (the second is ${name})`);
      out[operationId] = handler;
    }
  }
  return out;
}
