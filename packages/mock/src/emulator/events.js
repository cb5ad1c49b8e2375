// Builders of the callback (抄送) events the vendor documents for what the spec's operations do, in the vendor's
// body shape: every value a string unless the vendor's table says otherwise. Source: the vendor's 「IM 其他抄送」
// page (doc.yunxin.163.com, IM 服务端 > 抄送), sections 聊天室消息抄送 (eventType 4) and 聊天室队列操作事件抄送
// (eventType 14); docs/adr/0025 lists what is emitted from which operation and what is left out.

export const EVENT_TYPES = Object.freeze({ chatroomMessage: '4', chatroomQueue: '14' });

/** chatroom/sendMsg's numeric msgType -> the name the callback carries. */
/** @type {Record<number, string | undefined>} */
const MSG_TYPE_NAMES = { 0: 'TEXT', 1: 'PICTURE', 2: 'AUDIO', 3: 'VIDEO', 4: 'LOCATION', 6: 'FILE', 10: 'TIPS', 100: 'CUSTOM' };

/** qEvent codes of the queue callback. */
export const QUEUE_EVENTS = Object.freeze({ init: '1', add: '2', update: '3', delete: '4', poll: '5', peak: '6', list: '7', drop: '8', batchUpdate: '9' });

/** @param {unknown} v */
const str = (v) => (v === undefined || v === null ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v));
/**
 * The object without its undefined values (a loop: this runs on every message sent).
 * @param {Record<string, unknown>} o
 */
function defined(o) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key in o) if (o[key] !== undefined) out[key] = o[key];
  return out;
}

/**
 * 聊天室消息抄送 (eventType "4") for a message sent with chatroom/sendMsg.
 * @param {{ roomid: bigint|string, fromAccount: string, msgType: number|string, msgidClient: string, attach?: string,
 *   ext?: string, resendFlag?: number|string, timestamp: number, fromNick?: string, fromAvator?: string, fromExt?: string }} m
 */
export function chatroomMessageEvent(m) {
  const msgType = MSG_TYPE_NAMES[Number(m.msgType)] ?? String(m.msgType);
  return {
    eventType: EVENT_TYPES.chatroomMessage,
    body: defined({
      roomId: str(m.roomid),
      msgidClient: str(m.msgidClient),
      fromAccount: str(m.fromAccount),
      fromClientType: 'REST', // sent through the server API
      fromNick: str(m.fromNick),
      fromAvator: str(m.fromAvator), // sic, the vendor's spelling
      fromExt: str(m.fromExt),
      msgType,
      attach: str(m.attach) ?? '',
      ext: str(m.ext),
      msgTimestamp: str(m.timestamp),
      resendFlag: str(m.resendFlag ?? 0),
      roleInfoTimetag: '0',
    }),
  };
}

/**
 * 聊天室队列操作事件抄送 (eventType "14") for a queue operation made through the server API (fromWebApi "true").
 * @param {{ roomid: bigint|string, qEvent: string, operator?: string, belongTo?: string,
 *   elements?: Record<string, string>, keys?: string[], transient?: boolean, timestamp: number }} q
 */
export function chatroomQueueEvent(q) {
  return {
    eventType: EVENT_TYPES.chatroomQueue,
    body: defined({
      roomid: str(q.roomid),
      qEvent: q.qEvent,
      fromWebApi: 'true',
      operator: str(q.operator),
      belongTo: str(q.belongTo),
      elements: q.elements === undefined ? undefined : JSON.stringify(q.elements),
      keys: q.keys === undefined ? undefined : JSON.stringify(q.keys),
      transient: q.transient === undefined ? undefined : String(Boolean(q.transient)),
      operationTime: q.timestamp, // a Long in the vendor's table, not a string
    }),
  };
}
