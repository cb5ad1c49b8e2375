// Calls QChat handlers directly on an AppContext, as the emulator's HTTP front would after Prism's validation.
import { expect } from 'vitest';
import { createAppContext, type AppContextOptions } from '../../src/emulator/context.js';
import { handlers } from '../../src/emulator/models/index.js';
import { Refusal } from '../../src/emulator/refusal.js';
import { createEmuRequest } from '../../src/emulator/request.js';
import { expectMatchesSchema } from '../support/schema.js';

export type Ctx = ReturnType<typeof createAppContext>;
type Fields = Record<string, unknown>;
type Handler = (ctx: Ctx, req: ReturnType<typeof createEmuRequest>) => any;

function call(ctx: Ctx, operationId: string, fields: Fields): any {
  const handler = (handlers as Record<string, Handler | undefined>)[operationId];
  if (!handler) throw new Error(`no handler for ${operationId}`);
  return handler(ctx, createEmuRequest(operationId, form(fields)));
}

/** A new app with a frozen clock (the model still orders its writes 1 ms apart). */
export function newApp(options: AppContextOptions = {}): Ctx {
  return createAppContext({ clock: 1_700_000_000_000, ...options });
}

/** Form fields as the client sends them: JSON values as JSON text, everything else as decimal text. */
function form(fields: Fields): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)]),
  );
}

/** A successful call: its body, checked against the operation's success schema. */
export function ok(ctx: Ctx, operationId: string, fields: Fields): any {
  const body = call(ctx, operationId, fields);
  expectMatchesSchema(operationId, body);
  return body;
}

/** A refused call: its `{ code, desc }`; fails the test when the call succeeds. */
export function refused(ctx: Ctx, operationId: string, fields: Fields): { code: number; desc: string } {
  try {
    const body = call(ctx, operationId, fields);
    expect.unreachable(`${operationId} answered ${JSON.stringify(body, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);
  } catch (error) {
    if (error instanceof Refusal) return error.body as { code: number; desc: string };
    throw error;
  }
  throw new Error('unreachable');
}

/** A server owned by `owner` whose `members` joined (invite mode 1: no acceptance needed); its id as a string. */
export function serverWith(ctx: Ctx, owner: string, members: string[] = [], extra: Fields = {}): string {
  const serverId = String(ok(ctx, 'qchatCreateServer', { accid: owner, name: 'QA server', inviteMode: 1, ...extra }).serverInfo.serverId);
  if (members.length) ok(ctx, 'qchatInviteServerMember', { accid: owner, serverId, invitedAccids: members });
  return serverId;
}

/** A channel of `serverId` created by `owner`; its id as a string. */
export function channelIn(ctx: Ctx, serverId: string, owner: string, extra: Fields = {}): string {
  return String(ok(ctx, 'qchatCreateChannel', { accid: owner, serverId, type: 0, name: 'general', ...extra }).channelInfo.channelId);
}
