// The room's ordered key/value queue (有序队列): init with a size limit, offer (append or update in place, transient
// elements that leave with their operator), several offers at once, poll (by key or the head), list, get by keys,
// drop, batch update. Each call but the get by keys sends the vendor's queue callback (抄送, eventType 14) with its
// qEvent.
import { QUEUE_EVENTS, chatroomQueueEvent } from '../../events.js';
import { isAdmin, isOnline, known, openRoomOf, put, requireAdmin, roomOf } from './store.js';

/**
 * @typedef {import('./types.js').AppContext} AppContext
 * @typedef {import('./types.js').EmuRequest} EmuRequest
 * @typedef {import('./types.js').Room} Room
 * @typedef {import('./types.js').QueueElement} QueueElement
 */

/** The size limit of a queue used before any queueInit: the official Java SDK's default for queueInit (50). */
export const DEFAULT_QUEUE_SIZE = 50;

/**
 * The room's queue, created with the default limit on first use (a room's queue needs no queueInit).
 * @param {Room} room
 * @returns {import('./types.js').Queue}
 */
const queueOf = (room) => (room.queue ??= { sizeLimit: DEFAULT_QUEUE_SIZE, elements: [] });

/**
 * Queues the queue callback of a call on `room`.
 * @param {AppContext} ctx
 * @param {Room} room
 * @param {Omit<Parameters<typeof chatroomQueueEvent>[0], 'roomid' | 'timestamp'>} fields
 */
const emit = (ctx, room, fields) => ctx.emit(chatroomQueueEvent({ roomid: room.roomid, timestamp: ctx.now(), ...fields }));

/**
 * Appends `key` (419 when the queue is full) or gives the element with that key its new value in place; a transient
 * element (`transientOf`, an accid) is deleted when that account leaves the room. Returns the qEvent: add or update.
 * @param {AppContext} ctx
 * @param {Room} room
 * @param {string} key
 * @param {string} value
 * @param {string} [transientOf]
 */
export function offer(ctx, room, key, value, transientOf) {
  const queue = queueOf(room);
  let element = queue.elements.find((e) => e.key === key);
  const qEvent = element ? QUEUE_EVENTS.update : QUEUE_EVENTS.add;
  if (!element) {
    if (queue.elements.length >= queue.sizeLimit) ctx.fail(419, `the queue of chatroom ${room.roomid} is full (sizeLimit ${queue.sizeLimit})`);
    element = /** @type {QueueElement} */ ({ key }); // its value is set below
    queue.elements.push(element);
  }
  element.value = value;
  if (transientOf) element.transientOf = transientOf;
  else delete element.transientOf;
  return qEvent;
}

/**
 * The open room and the operator of an offer (the creator when none is sent), who may change its queue (403).
 * @param {AppContext} ctx
 * @param {EmuRequest} req
 */
function queueWriter(ctx, req) {
  const room = openRoomOf(ctx, req);
  const sent = req.string('operator');
  if (sent !== undefined) ctx.requireAccount(sent, 'operator');
  const operator = sent ?? room.creator;
  if (room.queuelevel === 1 && !isAdmin(room, operator)) {
    ctx.fail(403, `chatroom ${room.roomid} lets only its creator and managers change the queue (queuelevel 1)`);
  }
  return { room, operator };
}

/** @type {import('./types.js').Handlers} */
export const handlers = {
  chatroomQueueInit(ctx, req) {
    const room = openRoomOf(ctx, req);
    // A required field: the spec's validation has refused a call without it.
    const sizeLimit = /** @type {number} */ (req.int('sizeLimit'));
    const held = room.queue?.elements.length ?? 0;
    if (held > sizeLimit) ctx.fail(419, `the queue of chatroom ${room.roomid} holds ${held} elements, more than ${sizeLimit}`);
    queueOf(room).sizeLimit = sizeLimit;
    emit(ctx, room, { qEvent: QUEUE_EVENTS.init });
    return { code: 200, desc: {} };
  },

  chatroomQueueOffer(ctx, req) {
    const { room, operator } = queueWriter(ctx, req);
    const transient = req.bool('transient') === true;
    if (transient && !isOnline(room, operator)) ctx.fail(403, `operator ${operator} is not in chatroom ${room.roomid}: a transient element needs it there`);
    const [key, value] = [req.string('key'), req.string('value')];
    const qEvent = offer(ctx, room, key, value, transient ? operator : undefined);
    emit(ctx, room, { qEvent, operator, belongTo: operator, elements: { [key]: value }, transient });
    return { code: 200, desc: {} };
  },

  /**
   * Offers each element as queueOffer would, each owned by its `accid` (the operator when left out) and transient
   * when it says so (or the call does). An element that cannot be added is reported in `failedKeys`: an unknown
   * owner, a transient element whose owner is not in the room, a new key into a full queue.
   */
  chatroomQueueBatchOffer(ctx, req) {
    const { room, operator } = queueWriter(ctx, req);
    const queue = queueOf(room);
    const failedKeys = [];
    for (const e of req.json('elements')) {
      const owner = e.accid ?? operator;
      const transient = (e.transient ?? req.bool('transient')) === true;
      const isNew = !queue.elements.some((x) => x.key === e.key);
      if (!known(ctx, owner) || (transient && !isOnline(room, owner)) || (isNew && queue.elements.length >= queue.sizeLimit)) {
        failedKeys.push(e.key);
        continue;
      }
      const qEvent = offer(ctx, room, e.key, e.value, transient ? owner : undefined);
      emit(ctx, room, { qEvent, operator, belongTo: owner, elements: { [e.key]: e.value }, transient });
    }
    return { code: 200, desc: { failedKeys } };
  },

  /** The elements with the given keys, in the order asked, as `{key: value}`; keys the queue lacks are left out. */
  chatroomQueueMultiGet(ctx, req) {
    const room = roomOf(ctx, req);
    const elements = room.queue?.elements ?? [];
    const list = [];
    for (const key of new Set(req.json('keys').map(String))) {
      const element = elements.find((e) => e.key === key);
      if (element) list.push({ [key]: element.value });
    }
    return { code: 200, desc: { list } };
  },

  chatroomQueuePoll(ctx, req) {
    const room = openRoomOf(ctx, req);
    const key = req.string('key');
    const elements = room.queue?.elements ?? [];
    const at = key === undefined ? (elements.length ? 0 : -1) : elements.findIndex((e) => e.key === key);
    if (at < 0) ctx.fail(404, key === undefined ? `the queue of chatroom ${room.roomid} is empty` : `queue element ${key} does not exist`);
    // ctx.fail throws, which the checker cannot see through the context: `at` is an element's index here.
    const [element] = /** @type {[QueueElement]} */ (elements.splice(at, 1));
    emit(ctx, room, { qEvent: QUEUE_EVENTS.poll, elements: { [element.key]: element.value } });
    return { code: 200, desc: { key: element.key, value: element.value } };
  },

  chatroomQueueList(ctx, req) {
    const room = roomOf(ctx, req);
    const list = (room.queue?.elements ?? []).map((e) => ({ [e.key]: e.value }));
    emit(ctx, room, { qEvent: QUEUE_EVENTS.list });
    return { code: 200, desc: { list } };
  },

  chatroomQueueDrop(ctx, req) {
    const room = openRoomOf(ctx, req);
    room.queue = null;
    emit(ctx, room, { qEvent: QUEUE_EVENTS.drop });
    return { code: 200, desc: {} };
  },

  chatroomQueueBatchUpdateElements(ctx, req) {
    const room = openRoomOf(ctx, req);
    const operator = req.string('operator');
    ctx.requireAccount(operator, 'operator');
    requireAdmin(ctx, room, operator);
    const elements = room.queue?.elements ?? [];
    const noExistElementKey = [];
    /** @type {Record<string, string>} */
    const updated = {};
    for (const [key, value] of Object.entries(req.json('elements'))) {
      const element = elements.find((e) => e.key === key);
      if (element) put(updated, key, (element.value = value));
      else noExistElementKey.push(key);
    }
    emit(ctx, room, { qEvent: QUEUE_EVENTS.batchUpdate, operator, elements: updated });
    return { code: 200, desc: { noExistElementKey } };
  },
};
