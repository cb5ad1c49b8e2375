// The chatroom group: every chatroom operation of the spec, merged from the topic files, and the group's empty state.
import { handlers as delivery } from './delivery.js';
import { handlers as history } from './history.js';
import { handlers as members } from './members.js';
import { handlers as messages } from './messages.js';
import { handlers as queue } from './queue.js';
import { handlers as robots } from './robots.js';
import { handlers as rooms } from './rooms.js';
import { handlers as stats } from './stats.js';
import { handlers as tags } from './tags.js';

export { initialState } from './store.js';

export const handlers = { ...rooms, ...members, ...tags, ...robots, ...queue, ...messages, ...delivery, ...history, ...stats };
