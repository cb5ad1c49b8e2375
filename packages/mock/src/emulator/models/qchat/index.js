// The QChat (圈组) model: every QChat operation of the spec, from the per-topic handler files.
import { handlers as accessLists } from './access-lists.js';
import { handlers as categories } from './categories.js';
import { handlers as channelRoles } from './channel-roles.js';
import { handlers as channels } from './channels.js';
import { handlers as members } from './members.js';
import { handlers as messages } from './messages.js';
import { handlers as notifications } from './notifications.js';
import { handlers as records } from './records.js';
import { handlers as roles } from './roles.js';
import { handlers as servers } from './servers.js';
import { handlers as threads } from './threads.js';

export { initialState } from './store.js';

export const handlers = {
  ...servers,
  ...members,
  ...records,
  ...channels,
  ...categories,
  ...accessLists,
  ...roles,
  ...channelRoles,
  ...messages,
  ...threads,
  ...notifications,
};
