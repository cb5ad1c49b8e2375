// One app of the emulator for the chatroom unit tests: its handlers called directly, every success body checked
// against the operation's success schema, refusals returned as the vendor's `{ code, desc }`.
import { createAppContext, type AppContextOptions } from '../../src/emulator/context.js';
import { handlers } from '../../src/emulator/models/index.js';
import { Refusal } from '../../src/emulator/refusal.js';
import { createEmuRequest } from '../../src/emulator/request.js';
import { expectMatchesSchema } from '../support/schema.js';

type Fields = Record<string, unknown>;

/** A form as the client sends it: JSON-in-form fields as JSON text, everything else as text. */
function form(fields: Fields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) out[k] = v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

export const T0 = Date.UTC(2026, 10, 30, 4, 0, 0); // 12:00 in Beijing: hour and day buckets line up in every test

export function chatroomApp(options: AppContextOptions = {}) {
  const clock = { now: T0 };
  const events: { eventType: string; body: Record<string, unknown> }[] = [];
  const ctx = createAppContext({ now: () => clock.now, idStart: 2n ** 60n, onEvent: (e: any) => events.push(e), ...options });

  const run = (operationId: string, fields: Fields): any => (handlers as Record<string, any>)[operationId](ctx, createEmuRequest(operationId, form(fields)));

  /** A success answer, checked against the spec. */
  function call(operationId: string, fields: Fields): any {
    const body = run(operationId, fields);
    expectMatchesSchema(operationId, body);
    return body;
  }

  /** The refusal of a call that must fail. */
  function refuse(operationId: string, fields: Fields): { code: number; desc: string } {
    try {
      run(operationId, fields);
    } catch (error) {
      if (error instanceof Refusal) return error.body as { code: number; desc: string };
      throw error;
    }
    throw new Error(`${operationId} answered 200`);
  }

  /** A new room of `creator`; its id as the client sends it (a decimal string). */
  function room(creator = 'owner', fields: Fields = {}): string {
    return String(call('chatroomCreate', { creator, name: 'QA room', ...fields }).chatroom.roomid);
  }

  return { ctx, clock, events, call, refuse, room, advance: (ms: number) => (clock.now += ms) };
}

/** The accids of a robot answer's list (JSON text inside the JSON body). */
export const accids = (list: string | undefined): string[] => JSON.parse(list ?? '[]');
