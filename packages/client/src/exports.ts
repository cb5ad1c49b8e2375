// The public surface shared by both entries.
export type { NimClient, NimClientOptions } from './client.js';
export type * from './generated/operations.js';
export { operationTable } from './generated/operations.js';
export type { paths, components, operations } from './generated/schema.js';
export { errorCodes, type NimErrorCode } from './generated/error-codes.js';
export { NimError, NimApiError, NimTransportError, NimTimeoutError, NimValidationError, type ValidationIssue } from './errors.js';
export { defaultRetryPolicy, type RetryPolicy } from './retry.js';
export { regions, type Region } from './hosts.js';
export type { NimHooks, RequestEvent, ResponseEvent, ErrorEvent } from './hooks.js';
export { encodeFormBody } from './form.js';
export { checkSum, signHeaders } from './signing.js';
export { verifyCallback, type VerifyCallbackInput, type VerifyCallbackResult } from './callback.js';
export { parseJsonLossless } from './json.js';
export { specVersion } from './generated/spec-version.js';
