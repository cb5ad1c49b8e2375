// The group of an operation (`nim.qchat`, `nim.chatroom`): the `x-nim-group` of the x-tagGroups entry that lists
// the operation's tag. The one place a group is defined; adding a group is adding an x-tagGroups entry.

/**
 * tag name -> group, for every tag listed by an x-tagGroups entry that carries `x-nim-group`.
 * @param {Record<string, any>} spec
 * @returns {Map<string, string>}
 */
export function groupsByTag(spec) {
  /** @type {Map<string, string>} */
  const map = new Map();
  for (const entry of spec['x-tagGroups'] ?? []) {
    const group = entry['x-nim-group'];
    if (typeof group !== 'string') continue;
    for (const tag of entry.tags ?? []) map.set(tag, group);
  }
  return map;
}

/**
 * The group of an operation and its facade method (the operationId without the group prefix): qchatCreateServer
 * in group qchat -> action createServer. Throws when the tag has no group or the operationId does not start with it.
 * @param {Map<string, string>} groups from groupsByTag()
 * @param {Record<string, any>} op
 * @returns {{ group: string, action: string }}
 */
export function groupAndAction(groups, op) {
  const tag = op.tags?.[0];
  const group = groups.get(tag);
  if (!group) throw new Error(`${op.operationId}: its tag ${JSON.stringify(tag)} is in no x-tagGroups entry with x-nim-group`);
  const rest = String(op.operationId).slice(group.length);
  if (!String(op.operationId).startsWith(group) || !/^[A-Z]/.test(rest)) {
    throw new Error(`${op.operationId}: an operationId is its group prefix (${group}) + the vendor action in camelCase`);
  }
  return { group, action: rest.charAt(0).toLowerCase() + rest.slice(1) };
}
