// QChat channel categories (频道分组): the list of a server's categories, their roles (频道分组身份组) and the reads of
// their white and black lists. The spec describes no call that creates a category or changes its lists, so
// categories come from a loaded state (ADR 0046); a category is seen like a channel (viewMode, lists, owner).
import { listReads } from './access-lists.js';
import { AUTH, canAccess, requireAuth } from './auths.js';
import { addScopeRole } from './channel-roles.js';
import { categoriesOf, categoryInfo, compact, idField, pageByTime, requireCategory, requireMember, requireServer } from './store.js';

/**
 * @typedef {import('./types.js').Server} Server
 * @typedef {import('./types.js').Category} Category
 */

/**
 * The category named by the request, its server, and its white (`type` 1) or black (2) list.
 * @param {import('./types.js').AppContext} ctx @param {import('./types.js').EmuRequest} req
 */
function categoryList(ctx, req) {
  const server = requireServer(ctx, idField(req, 'serverId'));
  const category = requireCategory(ctx, idField(req, 'categoryId'), server.serverId);
  // With `accid` the vendor checks the reader; without it the call is the app's own.
  if (req.fields.has('accid')) requireMember(ctx, server, req.string('accid'));
  return { server, category, list: req.int('type') === 1 ? category.lists.white : category.lists.black };
}

/**
 * A category role as the vendor answers it.
 * @param {Server} server
 * @param {Category} category
 * @param {import('./types.js').ScopeRole} cr
 */
function categoryRoleInfo(server, category, cr) {
  return compact({
    serverId: BigInt(server.serverId),
    categoryId: BigInt(category.categoryId),
    roleId: BigInt(cr.roleId),
    serverRoleId: BigInt(cr.serverRoleId),
    name: /** @type {import('./types.js').Role} */ (server.roles[cr.serverRoleId]).name,
    auths: JSON.stringify(cr.auths),
    createtime: cr.createtime,
  });
}

/**
 * One page of categories by their custom sort weight (`sortField` 1): `pageToken` is the offset to start at.
 * @param {Category[]} rows @param {string | undefined} token @param {number | undefined} limit
 */
function pageByWeight(rows, token, limit) {
  const start = /^\d+$/.test(token ?? '') ? Number(token) : 0;
  const sorted = [...rows].sort((a, b) => (a.reorderweight ?? 0) - (b.reorderweight ?? 0) || a.createTime - b.createTime);
  const page = sorted.slice(start, start + /** @type {number} */ (limit));
  const hasMore = start + page.length < sorted.length;
  /** @type {{ hasMore: boolean, nextTimetag: number, nextPageToken?: string }} */
  const pageInfo = { hasMore, nextTimetag: page.at(-1)?.createTime ?? 0 };
  if (hasMore) pageInfo.nextPageToken = String(start + page.length);
  return { page, pageInfo };
}

/** @type {Record<string, import('./types.js').Handler>} */
export const handlers = {
  qchatGetChannelCategoryListByServerPage(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    let rows = categoriesOf(ctx, server.serverId);
    if (req.fields.has('accid')) {
      const accid = req.string('accid');
      requireMember(ctx, server, accid);
      rows = rows.filter((c) => canAccess(server, c, accid));
    }
    const { page, pageInfo } =
      req.int('sortField') === 1
        ? pageByWeight(rows, req.string('pageToken'), req.int('limit'))
        : pageByTime(rows, (c) => c.createTime, req.int('timetag'), req.int('limit'));
    return { code: 200, pageInfo, categoryInfos: page.map((c) => categoryInfo(ctx, c)) };
  },

  qchatCreateChannelCategoryIdentify(ctx, req) {
    const server = requireServer(ctx, idField(req, 'serverId'));
    const category = requireCategory(ctx, idField(req, 'categoryId'), server.serverId);
    requireAuth(ctx, server, req.string('accid'), AUTH.manageRole, category);
    const cr = addScopeRole(ctx, server, category, idField(req, 'serverRoleId'), `category ${category.categoryId}`);
    return { code: 200, identify: categoryRoleInfo(server, category, cr) };
  },

  qchatQueryCategoryWhiteBlackIdentifyPage: (ctx, req) => listReads.rolePage(categoryList(ctx, req), req),
  qchatQueryCategoryWhiteBlackIdentifyUserPage: (ctx, req) => listReads.userPage(categoryList(ctx, req), req),
  qchatBatchGetCategoryWhiteBlackIdentify: (ctx, req) => listReads.roles(categoryList(ctx, req), req),
  qchatBatchGetCategoryWhiteBlackIdentifyUser: (ctx, req) => listReads.users(categoryList(ctx, req), req),
};
