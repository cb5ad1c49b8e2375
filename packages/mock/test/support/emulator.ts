// The control API from tests, and signed vendor calls that keep the answer's raw text (ids above 2^53 as digits).
import type { RunningMock } from '../../src/index.js';
import { FORM_TYPE, sign } from './mock.js';

export interface Answer {
  status: number;
  text: string;
  json: any;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
}

/** A request to the control API (`path` starts with /_mock). */
export async function control(mock: RunningMock, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(mock.url.replace(/\/nimserver$/, '') + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return answer(res);
}

/** A signed vendor call (form fields given as an object); headers replace the signature when given. */
export async function call(mock: RunningMock, path: string, fields: Record<string, string | number | boolean>, headers: Record<string, string> = sign()): Promise<Answer> {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
  return answer(await fetch(mock.url + path, { method: 'POST', headers: { 'Content-Type': FORM_TYPE, ...headers }, body }));
}

/** The exact digits of the first `"<name>":<digits>` in a JSON text. */
export const idIn = (text: string, name = 'roomid') => new RegExp(`"${name}":(\\d+)`).exec(text)?.[1];

/** A new chatroom's roomid, as the exact digits the mock wrote. */
export async function createRoom(mock: RunningMock, creator = 'qa_alice', name = 'QA room'): Promise<string> {
  const created = await call(mock, '/chatroom/create.action', { creator, name });
  if (created.json.code !== 200) throw new Error(`chatroom/create answered ${created.text}`);
  return idIn(created.text)!;
}
