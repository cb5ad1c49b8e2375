// Raw HTTP for the hardening suites: bodies as arbitrary bytes, and plain sockets for slow or broken clients.
import { connect, type Socket } from 'node:net';
import type { RunningMock } from '../../src/index.js';
import { FORM_TYPE, sign } from './mock.js';

export interface ByteAnswer {
  status: number;
  text: string;
}

/** POSTs arbitrary bytes (signed unless `headers` says otherwise); returns the status and the body text. */
export async function postBytes(mock: RunningMock, path: string, body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = sign()): Promise<ByteAnswer> {
  const res = await fetch(mock.url + path, { method: 'POST', headers: { 'Content-Type': FORM_TYPE, ...headers }, body });
  return { status: res.status, text: await res.text() };
}

export interface SocketOutcome {
  /** Everything the mock wrote before the connection ended. */
  received: string;
  /** True when the mock closed the connection (rather than the test giving up after `giveUpMs`). */
  closedByMock: boolean;
}

/**
 * Opens a plain TCP connection, lets `drive` write to it (at any pace), and resolves when the mock closes it, or
 * after `giveUpMs` (then closedByMock is false).
 */
export function rawConnection(port: number, drive: (socket: Socket) => void, giveUpMs: number): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, giveUpMs);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ received, closedByMock: !gaveUp });
    });
    socket.on('connect', () => drive(socket));
  });
}

/** The head of a signed form POST with the given Content-Length, as a slow client would start it. */
export function requestHead(path: string, contentLength: number): string {
  const headers = { ...sign(), 'Content-Type': FORM_TYPE, 'Content-Length': String(contentLength), Host: '127.0.0.1' };
  return `POST /nimserver${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

/** Writes `text` one byte every `everyMs` until the socket closes. */
export function trickle(socket: Socket, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

/** A vendor-shaped JSON body: an integer code and a string desc. */
export function isVendorShaped(text: string): boolean {
  try {
    const json = JSON.parse(text) as { code?: unknown; desc?: unknown };
    return Number.isInteger(json.code) && (json.code === 200 || typeof json.desc === 'string');
  } catch {
    return false;
  }
}
