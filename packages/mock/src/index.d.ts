import type { Server } from 'node:http';

export interface RateLimitOptions {
  /** Calls allowed per window for one (AppKey, operation) pair (default 100, the vendor's). */
  limit?: number;
  /** Window length in milliseconds (default 1000). */
  windowMs?: number;
  /** How long a pair stays blocked after going over, in milliseconds (default 10000, the vendor's). */
  blockMs?: number;
}

/** What the mock answers a valid call with (default 'stateful'). */
export type MockMode = 'stateful' | 'examples' | 'dynamic';

/** An app's persisted data in a store: JSON-serialisable. */
export interface AppRecord {
  /** One key per group (chatroom, qchat), as the models keep it. */
  state: Record<string, unknown>;
  /** The last id handed out (decimal), null before the first. */
  lastId: string | null;
}

/** Where the stateful mode keeps each app's record (default: in memory). docs/adr/0027. */
export interface StateStore {
  kind: string;
  get(appKey: string): AppRecord | undefined;
  set(appKey: string, record: AppRecord): void;
  delete(appKey: string): boolean;
  keys(): string[];
  clear(): void;
}

export interface CallbackRetryOptions {
  /** How long the receiver has to answer HTTP 200, in ms (default 5000). */
  timeoutMs?: number;
  /** Further attempts after a failed one (default 3). */
  retries?: number;
  /** Pause before the first retry, doubled before each next one, in ms (default 1000). */
  retryDelayMs?: number;
}

export interface MockOptions {
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Port; 0 picks a free one (default 4010). */
  port?: number;
  /** Path of a bundled OpenAPI JSON, or the parsed document (default: the spec shipped in this package). */
  spec?: string | object;
  /** AppKey the mock accepts (default nim-mock-appkey). */
  appKey?: string;
  /** AppSecret the signatures are checked with (default nim-mock-secret). */
  appSecret?: string;
  /** Check AppKey, CurTime and CheckSum like the vendor (default true). */
  auth?: boolean;
  /**
   * 'stateful' (default): answers from per-AppKey state, like the vendor; 'examples': the spec's `ok` example for every
   * valid call; 'dynamic': generated schema-valid bodies. `Prefer: example=<name>` forces an example in every mode.
   */
  mode?: MockMode;
  /** Same as `mode: 'dynamic'` (the option before modes existed). */
  dynamic?: boolean;
  /** Seed of dynamic mode: the same seed gives the same body for the same operation, across restarts. */
  seed?: string | number;
  /**
   * Encoding of success bodies where the vendor's sources disagree (docs/adr/0042): 'docs' (default) as the vendor's
   * pages show them, 'sdk' as the official Go server SDK decodes them. A request's `X-Nim-Mock-Encoding` header wins.
   */
  encoding?: 'docs' | 'sdk';
  /** Stateful mode: the accids that exist; any other is refused with code 404. Without it every accid exists. */
  accounts?: string[];
  /** Stateful mode: the first id handed out per app (default 2^53 + 1000, so ids exercise exact 64-bit handling). */
  idStart?: bigint | number | string;
  /** Stateful mode: a frozen clock (Unix ms) for the times the models stamp; signatures still use `now`. */
  clock?: number;
  /** Stateful mode: messages kept per chatroom / QChat channel, the oldest dropped (default 1000). */
  maxMessages?: number;
  /** Stateful mode: load the state from this file on start (if it exists), save it there on close(). */
  stateFile?: string;
  /** Stateful mode: POST callback (抄送) events here, signed with appSecret like the vendor's. */
  callbackUrl?: string;
  /** Tuning of the callback delivery (the defaults follow the vendor's 5 s answer window). */
  callbackRetry?: CallbackRetryOptions;
  /** Requires `Authorization: Bearer <token>` on the control API (/_mock/); without it the API is off beyond loopback. */
  controlToken?: string;
  /** Stateful mode: the store of the apps' records (default: in memory). */
  store?: StateStore;
  /** Simulate the vendor's frequency control (code 416): true for the vendor's 100 calls/s and 10 s block. */
  rateLimit?: boolean | RateLimitOptions;
  /** Receives one line per request; false for silence (default: stdout). */
  log?: ((line: string) => void) | false;
  /** The mock's clock in Unix milliseconds, for CurTime checks and the rate limit (default Date.now). */
  now?: () => number;
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
  /** How long close() waits for requests in flight before closing their connections (default 5000 ms). */
  shutdownGraceMs?: number;
  /** A request's headers must arrive within this many ms of its first byte, else HTTP 408 and close (default 5000; 0: off). */
  headersTimeoutMs?: number;
  /** A request must arrive whole within this many ms of its first byte, else HTTP 408 and close (default 10000; 0: off). */
  requestTimeoutMs?: number;
  /** Close a connection silent this many ms before its first request or in the middle of a body (default 5000; 0: off). */
  idleTimeoutMs?: number;
  /** Connections open at once; further ones are refused and logged (default 1024). */
  maxConnections?: number;
  /** Body bytes held across all requests in flight; a request over it is answered HTTP 503 (default 64 MiB). */
  maxBufferedBytes?: number;
}

export interface RunningMock {
  /** Base URL to give the client, e.g. http://127.0.0.1:4010/nimserver */
  url: string;
  port: number;
  host: string;
  appKey: string;
  /** The mode the mock answers in. */
  mode: MockMode;
  /** The underlying node:http server (for connection counts and the like). */
  server: Server;
  /** Stops accepting connections, finishes requests in flight, closes keep-alive connections, saves `stateFile`. Idempotent. */
  close(): Promise<void>;
}

export function startMock(options?: MockOptions): Promise<RunningMock>;

export const DEFAULTS: Readonly<{
  host: string;
  port: number;
  appKey: string;
  appSecret: string;
  auth: boolean;
  mode: MockMode;
  dynamic: boolean;
  encoding: 'docs';
  rateLimit: false;
  idStart: bigint;
  maxMessages: number;
  bodyLimitBytes: number;
  shutdownGraceMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  idleTimeoutMs: number;
  maxConnections: number;
  maxBufferedBytes: number;
}>;

/** The encodings a success body can be served in. */
export const ENCODINGS: readonly ['docs', 'sdk'];
/** The request header choosing the encoding per request (lowercase). */
export const ENCODING_HEADER: 'x-nim-mock-encoding';

export const VENDOR_RATE_LIMIT: Readonly<Required<RateLimitOptions>>;

/** Absolute path of the bundled spec shipped in this package. */
export const DEFAULT_SPEC: string;

/**
 * The vendor's signature check on lowercase-keyed headers. Undefined when the request is signed correctly, else the
 * vendor's `desc` and the mock's own explanation.
 */
export function checkSignature(
  headers: Record<string, string | string[] | undefined>,
  options: { appKey: string; appSecret: string; nowMs?: number },
): { desc: string; reason: string } | undefined;
