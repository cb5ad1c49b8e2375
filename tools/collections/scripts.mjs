// The scripts the collection carries, as Postman/Apifox sandbox JavaScript (pm API and the bundled crypto-js).

/**
 * Runs before every request: the vendor's signature (docs/adr/0010, "Signing a request" on the docs page).
 * CheckSum = lowercase hex SHA-1 of AppSecret + Nonce + CurTime; a fresh Nonce and CurTime per send.
 */
export const SIGNING_SCRIPT = `// nimkit: signs every request like the NetEase Yunxin server API requires.
// Needs appKey and appSecret in the active environment (never stored in this collection).
const cryptoJs = require('crypto-js'); // bundled by Postman and Apifox
const appKey = pm.variables.get('appKey');
const appSecret = pm.variables.get('appSecret');
if (!appKey || !appSecret) {
  throw new Error('nimkit: set appKey and appSecret in the environment (import emulator or vendor environment)');
}
const nonce = cryptoJs.lib.WordArray.random(16).toString(cryptoJs.enc.Hex);
const curTime = String(Math.floor(Date.now() / 1000));
const checkSum = cryptoJs.SHA1(appSecret + nonce + curTime).toString(cryptoJs.enc.Hex);
for (const [key, value] of [['AppKey', appKey], ['Nonce', nonce], ['CurTime', curTime], ['CheckSum', checkSum]]) {
  pm.request.headers.upsert({ key, value });
}`;

/** Runs after every response: the vendor answers HTTP 200 with the outcome in the body's integer `code`. */
export const ENVELOPE_TEST = `// nimkit: the vendor answers HTTP 200 and puts the outcome in the body's \`code\` (200 = success).
pm.test('answered in the vendor envelope (HTTP 200, integer code)', () => {
  pm.response.to.have.status(200);
  pm.expect(pm.response.json().code).to.be.a('number');
});`;
