// Member tags (聊天室标签): the tags of a member's stay in the room (updateChatRoomRoleTag), the online members with
// a tag (count and list), and muting every member with a tag for a while (tagTemporaryMute; sendMsg reads it).
import { isOnline, openRoomOf, own, put, requireAdmin, roomOf } from './store.js';
import { memberView } from './views.js';

/** @typedef {import('./types.js').Room} Room */

/** The online members of `room` carrying `tag`. @param {Room} room @param {string} tag */
const tagged = (room, tag) => Object.values(room.members).filter((m) => isOnline(room, m.accid) && (m.tags ?? []).includes(tag));

/** @type {import('./types.js').Handlers} */
export const handlers = {
  chatroomUpdateChatRoomRoleTag(ctx, req) {
    // The quirk of this call: the room id is sent as `roomId`.
    const room = openRoomOf(ctx, req, 'roomId');
    const accid = req.string('accid');
    ctx.requireAccount(accid, 'accid');
    // Tags belong to a stay in the room: only a member in the room has tags to replace.
    if (!isOnline(room, accid)) ctx.fail(404, `${accid} is not in chatroom ${room.roomid}`);
    /** @type {import('./types.js').Member} */ (own(room.members, accid)).tags = [...new Set(req.json('tags').map(String))];
    return { code: 200 };
  },

  chatroomTagTemporaryMute(ctx, req) {
    const room = openRoomOf(ctx, req);
    const operator = req.string('operator');
    ctx.requireAccount(operator, 'operator');
    requireAdmin(ctx, room, operator);
    const tag = req.string('targetTag');
    // A required field: the spec's validation has refused a call without it.
    const seconds = /** @type {number} */ (req.int('muteDuration'));
    const now = ctx.now();
    if (seconds === 0 && !(/** @type {number} */ (own(room.tagMutes, tag)) > now)) ctx.fail(417, `tag ${tag} is not muted in chatroom ${room.roomid}`);
    if (seconds === 0) delete room.tagMutes[tag];
    else put(room.tagMutes, tag, now + seconds * 1000);
    return { code: 200, desc: { muteDuration: seconds } };
  },

  chatroomTagMembersCount(ctx, req) {
    const room = roomOf(ctx, req);
    const tag = req.string('tag');
    return { code: 200, data: { tag, onlineUserCount: tagged(room, tag).length } };
  },

  chatroomTagMembersQuery(ctx, req) {
    const room = roomOf(ctx, req);
    const now = ctx.now();
    // endTime 0 is "now": every member entered before it (as membersByPage's endtime).
    const before = req.int('endTime') || Infinity;
    const data = tagged(room, req.string('tag'))
      .filter((m) => m.enterTime < before)
      .sort((a, b) => b.enterTime - a.enterTime)
      .slice(0, req.int('limit'))
      .map((m) => ({ ...memberView(room, m, now), tags: JSON.stringify(m.tags) }));
    return { code: 200, desc: { data } };
  },
};
