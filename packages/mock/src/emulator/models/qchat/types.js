// The shapes of the QChat state (types only: nothing here runs). Ids are decimal strings, times Unix ms; a map keyed
// by accid or id is a plain object whose entries are own properties (store.js `own`/`put`).

/**
 * @typedef {import('../../context.js').AppContext} AppContext
 * @typedef {import('../../context.js').EmuRequest} EmuRequest
 * @typedef {(ctx: AppContext, req: EmuRequest) => Record<string, any>} Handler  one operation's model
 *
 * @typedef {Record<string, number>} Auths  permission code -> 1 allowed, -1 denied (0 inherits, channel level)
 *
 * @typedef {object} QChatState
 * @property {Record<string, Server>} servers
 * @property {Record<string, Channel>} channels
 * @property {Record<string, Notification>} notifications  the stored (persisted) ones, by msgIdServer
 * @property {Record<string, Category>} categories
 * @property {number} lastTime  the last write's time (tick)
 *
 * @typedef {object} Member  a membership
 * @property {string} accid
 * @property {number} joinTime
 * @property {string} [inviter]
 * @property {string} [nick]
 * @property {string} [avatar]
 * @property {string} [custom]
 * @property {number} createTime
 * @property {number} updateTime
 *
 * @typedef {object} Role  a server role (身份组); time keys lowercase as the vendor's
 * @property {string} roleId
 * @property {string} [name]
 * @property {string} [icon]
 * @property {string} [ext]
 * @property {number} type  1 everyone, 2 custom
 * @property {number} priority
 * @property {Auths} auths
 * @property {Record<string, number>} members  accid -> when it was given the role
 * @property {number} createtime
 * @property {number} updatetime
 *
 * @typedef {object} InviteApplyRecord  an invitation, application or answer (records.js)
 * @property {string} recordId
 * @property {string} requestId
 * @property {number} type
 * @property {string} accid
 * @property {number} status
 * @property {Record<string, any>} [data]
 * @property {number} createTime
 * @property {number} updateTime
 *
 * @typedef {object} Server
 * @property {string} serverId
 * @property {string} [name]
 * @property {string} [icon]
 * @property {string} [custom]
 * @property {string} owner
 * @property {number} inviteMode
 * @property {number} applyMode
 * @property {number} createTime
 * @property {number} updateTime
 * @property {Record<string, Member>} members
 * @property {Record<string, Record<string, number>>} invites  invited accid -> inviter -> time
 * @property {Record<string, number>} applies  applicant -> time
 * @property {Record<string, Role>} roles
 * @property {InviteApplyRecord[]} records
 * @property {string} everyoneRoleId
 *
 * @typedef {object} AccessList  a white or black list: role id / accid -> when it was added
 * @property {Record<string, number>} roles
 * @property {Record<string, number>} users
 *
 * @typedef {object} ScopeRole  a channel's (or category's) role: the server role `serverRoleId`'s permissions there
 * @property {string} roleId
 * @property {string} serverRoleId
 * @property {Auths} auths
 * @property {number} createtime
 * @property {number} updatetime
 *
 * @typedef {object} UserPermission  an account's own permissions in a channel or category (个人定制权限)
 * @property {string} accid
 * @property {Auths} auths
 * @property {number} createtime
 * @property {number} updatetime
 *
 * @typedef {object} Scope  what a channel and a channel category both have
 * @property {string} serverId
 * @property {string} owner
 * @property {number} viewMode  0 public, 1 private
 * @property {number} createTime
 * @property {number} updateTime
 * @property {string} [name]
 * @property {string} [custom]
 * @property {Record<string, ScopeRole>} roles
 * @property {Record<string, UserPermission>} users
 * @property {{ white: AccessList, black: AccessList }} lists
 * @property {string} [channelId]
 * @property {string} [categoryId]
 *
 * @typedef {Scope & {
 *   channelId: string, topic?: string, type?: number, categoryId?: string,
 *   messages: Message[], everyoneChannelRoleId: string,
 * }} Channel
 *
 * @typedef {Scope & { categoryId: string, reorderweight?: number, everyoneCategoryRoleId: string }} Category
 *
 * @typedef {object} Content  what a message and a notification have alike (messages.js newContent)
 * @property {string} msgIdServer
 * @property {string} [msgIdClient]
 * @property {string} [body]
 * @property {string} [attach]
 * @property {string} [ext]
 * @property {number} time
 * @property {number} updateTime
 * @property {number} status
 *
 * @typedef {Content & {
 *   from: string, type?: number, mentionedAll?: boolean, mentioned?: string[],
 *   threadRoot?: { msgIdServer: unknown, time: number },
 * }} Message  a kept channel message; `threadRoot` comes from a loaded state only
 *
 * @typedef {Content & {
 *   serverId: string, channelId?: string, toType?: number, from: string, toAccids: string[], type: number,
 * }} Notification  a custom system notification kept for update (notifications.js)

 */

export {};
