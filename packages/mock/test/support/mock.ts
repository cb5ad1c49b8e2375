// Real mocks on free loopback ports, signing, and raw HTTP for what the client would refuse to send.
import { createHash, randomUUID } from 'node:crypto';
import { startMock, type MockOptions, type RunningMock } from '../../src/index.js';
import { loadSpec, operationsByPath } from '../../src/spec.js';
import { sampleRequest } from '../../../../tools/samples/index.mjs';

export const APP_KEY = 'qa-app-key';
export const APP_SECRET = 'qa-app-secret';
export const FORM_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';

/** The spec the mock serves by default (packages/mock/spec/openapi.json, copied from @nimkit/spec by the build). */
export const spec = loadSpec();

export interface Operation {
  operationId: string;
  path: string;
  request: { properties?: Record<string, any>; required?: string[]; additionalProperties?: unknown };
  examples: { name: string; code: number; summary: string }[];
}
export const operations: Operation[] = [...operationsByPath(spec).values()];

/** A mock on a free port; examples mode unless `mode` says otherwise (the suites about Prism's answers use it). */
export function startTestMock(options: MockOptions = {}): Promise<RunningMock> {
  return startMock({ port: 0, appKey: APP_KEY, appSecret: APP_SECRET, log: false, mode: options.dynamic ? undefined : 'examples', ...options });
}

/** The modes whose refusals of bad input must be identical (the 414 suites run in each). */
export const VALIDATING_MODES = ['examples', 'stateful'] as const;

export const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

export interface SignOptions {
  appKey?: string;
  appSecret?: string;
  nonce?: string;
  /** Unix milliseconds the request is signed at (default: now). */
  atMs?: number;
}

/** The vendor's four auth headers. */
export function sign({ appKey = APP_KEY, appSecret = APP_SECRET, nonce = randomUUID().replace(/-/g, ''), atMs = Date.now() }: SignOptions = {}) {
  const curTime = String(Math.floor(atMs / 1000));
  return { AppKey: appKey, Nonce: nonce, CurTime: curTime, CheckSum: sha1(appSecret + nonce + curTime) };
}

/** A body in the client's shape -> the wire form: JSON values JSON-encoded, scalars as text. */
export function toForm(body: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) form.set(k, v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
  return form.toString();
}

/** A valid body of an operation (required fields only, or every field), in the client's shape. */
export function sampleBody(path: string, { full = false } = {}): Record<string, unknown> {
  return sampleRequest(spec, spec.paths[path].post, { full });
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  json: { code: number; desc?: unknown; [k: string]: unknown };
}

/** POSTs a raw form body (signed unless `headers` says otherwise) and returns HTTP status and parsed JSON. */
export async function postRaw(mock: RunningMock, path: string, body: string, headers: Record<string, string> = sign(), contentType = FORM_TYPE): Promise<RawAnswer> {
  const res = await fetch(mock.url + path, { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body });
  return { status: res.status, headers: res.headers, json: (await res.json()) as RawAnswer['json'] };
}
