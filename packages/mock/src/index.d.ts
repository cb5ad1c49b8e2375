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
  /** Check AppKey, CheckSum and CurTime like the vendor (default true). */
  auth?: boolean;
  /** Invent schema-valid bodies instead of serving the named examples. */
  dynamic?: boolean;
  /** Seed of dynamic mode, for repeatable bodies. */
  seed?: string | number;
  /** Simulate the vendor's frequency control (416). */
  rateLimit?: boolean | { limit?: number; windowMs?: number; blockMs?: number };
  /** One line per request; false for silence (default: stdout). */
  log?: ((line: string) => void) | false;
  /** The mock's clock in Unix milliseconds (tests). */
  now?: () => number;
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
}

export interface RunningMock {
  /** Base URL to give the client, e.g. http://127.0.0.1:4010/nimserver */
  url: string;
  port: number;
  appKey: string;
  close(): Promise<void>;
}

export function startMock(options?: MockOptions): Promise<RunningMock>;
export const DEFAULTS: Readonly<Required<Pick<MockOptions, 'host' | 'port' | 'appKey' | 'appSecret' | 'auth' | 'dynamic' | 'bodyLimitBytes'>> & { rateLimit: false }>;
export function checkSignature(
  headers: Record<string, string | string[] | undefined>,
  options: { appKey: string; appSecret: string; nowMs?: number },
): string | undefined;
