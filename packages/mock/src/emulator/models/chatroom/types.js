// The chatroom group's state records (types only): what `ctx.state.chatroom` holds, JSON-serialisable as the store
// keeps it. A hand-written fixture (PUT /_mock/state) may leave a room's parts out; store.js's complete() fills them.

/**
 * @typedef {import('../../context.js').AppContext} AppContext
 * @typedef {import('../../context.js').EmuRequest} EmuRequest
 *
 * @typedef {(ctx: AppContext, req: EmuRequest) => Record<string, any>} Handler  one operation's answer body
 * @typedef {Record<string, Handler>} Handlers  operationId -> handler
 *
 * @typedef {object} ChatroomState
 * @property {Record<string, Room>} rooms  roomid (decimal) -> room
 * @property {number} lastTime  the last chatroom write's time, Unix ms (tick)
 * @property {[number, number]} [broadcasts]  broadcasts in the current minute: [minute, count]
 *
 * @typedef {object} Room
 * @property {string} roomid  decimal (64-bit)
 * @property {string} [name]
 * @property {string} creator  accid
 * @property {boolean} valid  open
 * @property {boolean} muted  the whole room muted
 * @property {string | null} announcement
 * @property {string} broadcasturl
 * @property {string} ext
 * @property {number} queuelevel  0: every member may change the queue, 1: only the creator and managers
 * @property {boolean} [ionotify]  entry/exit notifications; unset until a call sets them
 * @property {DelayClose} [delay]  the timed-close (定时关闭) settings
 * @property {number} createTime  Unix ms
 * @property {number} emptySince  Unix ms the room last became empty
 * @property {Record<string, Member>} members  accid -> member
 * @property {Record<string, number>} online  accid -> Unix ms the robot leaves
 * @property {Queue | null} queue
 * @property {Message[]} messages  oldest first
 * @property {Record<string, number>} tagMutes  tag -> Unix ms its mute ends
 * @property {[number, number]} highPriority  high-priority messages in the current second: [second, count]
 * @property {Record<string, HourStats>} stats  hour start (Unix ms) -> its counts
 *
 * @typedef {object} DelayClose
 * @property {number} policy  0: none, 1: after `seconds` from `startTime`, 2: after `seconds` empty
 * @property {number} seconds
 * @property {number} startTime  Unix ms
 *
 * @typedef {'MANAGER' | 'COMMON' | null} Role  a member's role besides creator and limited ones (null: a guest)
 *
 * @typedef {object} Member
 * @property {string} accid
 * @property {Role} role
 * @property {boolean} blacklisted
 * @property {boolean} muted
 * @property {number} tempMuteUntil  Unix ms, 0 when not temporarily muted
 * @property {number} enterTime  Unix ms
 * @property {Profile} profile  the saved in-room profile
 * @property {Profile} stay  this stay's profile, over the saved one
 * @property {string[]} tags  this stay's tags
 *
 * @typedef {{ nick?: string, avator?: string, ext?: string }} Profile
 *
 * @typedef {object} Queue
 * @property {number} sizeLimit
 * @property {QueueElement[]} elements  in order
 *
 * @typedef {object} QueueElement
 * @property {string} key
 * @property {string} value
 * @property {string} [transientOf]  the accid whose leaving deletes the element
 *
 * @typedef {object} Message
 * @property {string} msgidClient
 * @property {number} time  Unix ms
 * @property {string} from  accid
 * @property {number} type
 * @property {boolean} [highPriority]
 * @property {string} [attach]
 * @property {string} [ext]
 * @property {number} [subType]
 * @property {string} [nick]  the sender's in-room nick at sending time
 * @property {string} [avator]
 * @property {string[]} [to]  the receivers of a directed message
 * @property {boolean} [skipHistory]  kept out of the cloud history
 * @property {boolean} [recalled]
 *
 * @typedef {object} HourStats
 * @property {number} msgs
 * @property {number} enters
 * @property {Record<string, 1>} active  accid -> 1
 */

export {};
