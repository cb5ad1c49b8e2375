// Independent hashes (node:crypto) to check the client's pure-JS ones against.
import { createHash } from 'node:crypto';

export const sha1 = (text: string | Uint8Array) => createHash('sha1').update(text).digest('hex');
export const md5 = (text: string | Uint8Array) => createHash('md5').update(text).digest('hex');
