// @nimkit/mock: a vendor-faithful mock of the NetEase Yunxin IM server API.
export { startMock, DEFAULTS } from './server.js';
export { checkSignature } from './auth.js';
export { VENDOR_RATE_LIMIT } from './rate-limit.js';
export { DEFAULT_SPEC } from './spec.js';
export { ENCODINGS, ENCODING_HEADER } from './encoding.js';
