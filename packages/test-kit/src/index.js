// @nimkit/test-kit: loopback servers, the vendor's request signing and raw form posts for every test tree.
export { closedPortUrl, json, startServer } from './server.js';
export { APP_KEY, APP_SECRET, FORM_TYPE, postRaw, sha1, sign, testMockStarter, toForm } from './http.js';

/** @typedef {import('./http.js').RawAnswer} RawAnswer */
/** @typedef {import('./server.js').Answer} Answer */
/** @typedef {import('./server.js').Recorded} Recorded */
/** @typedef {import('./server.js').TestServer} TestServer */
