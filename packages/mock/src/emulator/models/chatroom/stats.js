// Statistics (statsTopn) computed from what happened: each room counts, per hour, its messages (sendMsg), its entries
// (robots entering) and its active users (distinct accids that sent or entered). A day is the sum of its hours.
// Unlike the vendor, which publishes a day's figures the next day, the figures are readable at once, so a QA flow can
// rank what it just did (docs/adr/0028).

import { complete, put, roomsOf } from './store.js';

/**
 * @typedef {import('./types.js').Room} Room
 * @typedef {{ name: string, length: number, start: (t: number) => number }} Period
 */

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** The vendor's days are Beijing days (UTC+8): a DAY period starts at Beijing midnight. */
const BEIJING = 8 * HOUR;
/** Only the last 30 days can be queried; older hours are dropped as new ones start. */
const KEEP = 31 * DAY;

/** @type {{ hour: Period, day: Period }} */
const PERIODS = {
  hour: { name: 'HOUR', length: HOUR, start: (t) => Math.floor(t / HOUR) * HOUR },
  day: { name: 'DAY', length: DAY, start: (t) => Math.floor((t + BEIJING) / DAY) * DAY - BEIJING },
};

/** @type {{ active: 'activeNums', enter: 'enterNums', message: 'msgs' }} */
const ORDER = { active: 'activeNums', enter: 'enterNums', message: 'msgs' };

/**
 * Counts a message (`msgs`) or an entry (`enters`) of `accid` in `room` at `time`.
 * @param {Room} room
 * @param {number} time
 * @param {'msgs' | 'enters'} kind
 * @param {string} accid
 */
export function count(room, time, kind, accid) {
  const hour = PERIODS.hour.start(time);
  let bucket = room.stats[hour];
  if (!bucket) {
    for (const key of Object.keys(room.stats)) if (Number(key) < hour - KEEP) delete room.stats[key];
    bucket = room.stats[hour] = { msgs: 0, enters: 0, active: {} };
  }
  bucket[kind] += 1;
  put(bucket.active, accid, 1);
}

/**
 * One room's figures for the period starting at `start`, or undefined when nothing happened in it.
 * @param {Room} room
 * @param {number} start
 * @param {Period} period
 */
function figures(room, start, period) {
  let msgs = 0;
  let enters = 0;
  const active = new Set();
  for (const [key, bucket] of Object.entries(room.stats)) {
    const hour = Number(key);
    if (hour < start || hour >= start + period.length) continue;
    msgs += bucket.msgs;
    enters += bucket.enters;
    for (const accid of Object.keys(bucket.active)) active.add(accid);
  }
  if (msgs + enters === 0) return undefined;
  return { roomId: BigInt(room.roomid), activeNums: active.size, enterNums: enters, msgs, datetime: start / 1000, period: period.name };
}

/** @type {import('./types.js').Handlers} */
export const handlers = {
  chatroomStatsTopn(ctx, req) {
    // `period` and `orderby` are enums of the spec: its validation has refused any other value.
    const period = PERIODS[/** @type {keyof typeof PERIODS} */ (req.string('period') ?? 'hour')];
    const key = ORDER[/** @type {keyof typeof ORDER} */ (req.string('orderby') ?? 'active')];
    const topn = req.int('topn') ?? 100;
    const now = ctx.now();
    // Seconds or milliseconds, as the vendor accepts: a Unix time below 10^12 is read as seconds.
    const sent = req.int('timestamp');
    const at = sent === undefined ? now : sent < 1e12 ? sent * 1000 : sent;
    const start = period.start(at);
    const data = [];
    if (start >= now - 30 * DAY) {
      for (const [roomid, room] of Object.entries(roomsOf(ctx))) {
        const item = figures(complete(room, roomid), start, period);
        if (item) data.push(item);
      }
    }
    data.sort((a, b) => b[key] - a[key] || (a.roomId < b.roomId ? -1 : 1));
    return { code: 200, data: data.slice(0, topn) };
  },
};
