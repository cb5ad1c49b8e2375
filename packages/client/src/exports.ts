// The public surface shared by both entries ('@nimkit/client' and '@nimkit/client/core').
export type { NimClient } from './client.js';
export type { NimClientOptions, CallOptions, FetchLike } from './options.js';
export type * from './generated/operations.js';
export { operationTable } from './generated/operations.js';
// Every schema of the spec by its name (QchatServerInfo, QchatCreateServerRequest, ...), plus openapi-typescript's
// `paths`, `components` and `operations` for the raw client.
export type * from './generated/schema.js';
// Named constants of the coded values (ChatroomMsgType.Text, QchatInviteMode.NoAcceptance, ...), with their unions.
export * from './generated/enums.js';
export { errorCodes, type NimErrorCode } from './generated/error-codes.js';
export { specVersion } from './generated/spec-version.js';
// Auto-pagination (tree-shaken away when unused).
export { paginate, type PaginateOptions } from './paginate.js';
export { pagingRules, type PagedOperationId, type PagedRequests, type PagedItems, type PagingRule } from './generated/pagination.js';
export {
  NimError,
  NimApiError,
  NimTransportError,
  NimTimeoutError,
  NimResponseTooLargeError,
  NimInexactIdError,
  NimValidationError,
  isNimApiError,
  type CallContext,
  type ValidationIssue,
} from './errors.js';
export { defaultRetryPolicy, NEVER_RETRIED, type RetryPolicy } from './retry.js';
export { regions, type Region } from './hosts.js';
export type { NimHooks, RequestEvent, ResponseEvent, ErrorEvent } from './hooks.js';
export { createRawClient, type RawClient, type RawClientOptions } from './raw.js';
export { encodeFormBody, FORM_CONTENT_TYPE } from './form.js';
export { checkSum, signHeaders, type SignInput, type AuthHeaders } from './signing.js';
export { verifyCallback, type VerifyCallbackInput, type VerifyCallbackResult, type VerifyCallbackFailure } from './callback.js';
export { parseJsonLossless } from './json.js';
