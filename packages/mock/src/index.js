// @nimkit/mock: a vendor-faithful mock of the NetEase Yunxin IM server API.
export { startMock, DEFAULTS } from './server.js';
export { checkSignature } from './auth.js';
