// Robots (机器人): accounts the server puts into a room for 24 hours. They are the room's online members (the server
// API cannot make a real user enter), so they count in onlineusercount, membersByPage and transient queue elements.
import { count } from './stats.js';
import { ROBOT_TTL_MS, isOnline, known, leave, memberOf, openRoomOf, own, put, tick } from './store.js';

/** The answer's lists are JSON text inside the JSON body (the vendor's quirk). @param {Record<string, string[]>} entries */
const lists = (entries) => Object.fromEntries(Object.entries(entries).map(([name, accids]) => [name, JSON.stringify(accids)]));

/** @type {import('./types.js').Handlers} */
export const handlers = {
  chatroomAddRobot(ctx, req) {
    const room = openRoomOf(ctx, req);
    const roleExt = req.string('roleExt');
    const time = tick(ctx);
    const until = ctx.now() + ROBOT_TTL_MS;
    /** @type {{ successAccids: string[], failAccids: string[], oldAccids: string[] }} */
    const out = { successAccids: [], failAccids: [], oldAccids: [] };
    let blocked = false;
    for (const accid of new Set(req.json('accids'))) {
      if (!known(ctx, accid) || own(room.members, accid)?.blacklisted) {
        blocked ||= known(ctx, accid);
        out.failAccids.push(accid);
      } else if (isOnline(room, accid)) {
        out.oldAccids.push(accid);
      } else {
        const m = memberOf(room, accid, time);
        m.enterTime = time;
        m.stay = roleExt === undefined ? {} : { ext: roleExt };
        put(room.online, accid, until);
        count(room, time, 'enters', accid);
        out.successAccids.push(accid);
      }
    }
    // Nobody got in and the blocklist is why: 13003 (账号在黑名单中,不允许进入聊天室).
    if (blocked && out.successAccids.length + out.oldAccids.length === 0) ctx.fail(13003, `the robots are on the blocklist of chatroom ${room.roomid}`);
    return { code: 200, desc: lists(out) };
  },

  chatroomCleanRobot(ctx, req) {
    const room = openRoomOf(ctx, req);
    const time = tick(ctx);
    const robots = Object.keys(room.online);
    for (const accid of robots) leave(room, accid, time);
    return { code: 200, desc: { size: robots.length } };
  },

  chatroomRemoveRobot(ctx, req) {
    const room = openRoomOf(ctx, req);
    const time = tick(ctx);
    /** @type {{ successAccids: string[], failAccids: string[] }} */
    const out = { successAccids: [], failAccids: [] };
    for (const accid of new Set(req.json('accids'))) {
      if (isOnline(room, accid)) {
        leave(room, accid, time);
        out.successAccids.push(accid);
      } else {
        out.failAccids.push(accid);
      }
    }
    return { code: 200, desc: lists(out) };
  },
};
