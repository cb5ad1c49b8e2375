// One app of the emulator for the chatroom unit tests: its handlers called directly, every success body checked
// against the operation's success schema, refusals returned as the vendor's `{ code, desc }`.
import { expect } from 'vitest';
import { createAppContext, type AppContextOptions } from '../../src/emulator/context.js';
import { handlers } from '../../src/emulator/models/index.js';
import { Refusal } from '../../src/emulator/refusal.js';
import { createEmuRequest } from '../../src/emulator/request.js';
import { deref, okMedia } from '../../src/spec.js';
import { spec } from '../support/mock.js';
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

/**
 * Keys of a body that its schema does not declare: a body in "exactly the shape" of its success schema carries
 * nothing the spec does not describe (the spec's schemas leave additionalProperties open).
 */
function undeclared(schema: any, value: any, where: string): string[] {
  if (!schema || value === null || typeof value !== 'object') return [];
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) {
    const candidates = branches.filter((b: any) => b.title !== 'ErrorResponse').map((b: any) => undeclared(b, value, where));
    return candidates.find((c: string[]) => c.length === 0) ?? candidates[0];
  }
  // allOf (a record plus extra fields): the branches' properties together declare the object.
  if (schema.allOf) return undeclared({ type: 'object', properties: Object.assign({}, ...schema.allOf.map((b: any) => b.properties)) }, value, where);
  if (Array.isArray(value)) return value.flatMap((v, i) => undeclared(schema.items, v, `${where}[${i}]`));
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const declared = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (declared) out.push(...undeclared(declared, v, `${where}.${key}`));
    else if (schema.additionalProperties !== true) out.push(`${where}.${key}`);
  }
  return out;
}

const successSchema = (operationId: string) =>
  deref(spec, okMedia(Object.values<any>(spec.paths).find((item) => item?.post?.operationId === operationId).post)!.schema);

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
    expect(undeclared(successSchema(operationId), body, operationId)).toEqual([]);
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
