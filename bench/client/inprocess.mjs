// In-process calls/s with a stub fetch (no network): the facade vs the hand-written baseline vs plain openapi-fetch.
// Contenders run in interleaved rounds of equal length (order rotated per round); the reported figure is each one's
// median over the rounds.
import { createHash } from 'node:crypto';
import createClient from 'openapi-fetch';
import { createNimClient } from '@nimkit/client';
import { createNimClient as createCoreClient } from '@nimkit/client/core';
import { ANSWER, APP_KEY, APP_SECRET, BODY, PATH, createBaseline, median } from './common.mjs';

const BASE = 'http://bench.invalid/nimserver';
// Every contender gets a fresh Response per call, exactly like a real fetch.
const stubFetch = async (input) => {
  if (input instanceof Request) await input.text();
  return new Response(ANSWER, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
};

function openapiFetchClient() {
  const client = createClient({
    baseUrl: BASE,
    fetch: stubFetch,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
    bodySerializer: (body) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(body)) params.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
      return params.toString();
    },
  });
  client.use({
    onRequest({ request }) {
      const nonce = crypto.randomUUID().replace(/-/g, '');
      const curTime = String(Math.floor(Date.now() / 1000));
      request.headers.set('AppKey', APP_KEY);
      request.headers.set('Nonce', nonce);
      request.headers.set('CurTime', curTime);
      request.headers.set('CheckSum', createHash('sha1').update(APP_SECRET + nonce + curTime).digest('hex'));
      return request;
    },
  });
  return async (body) => {
    const { data, error } = await client.POST(PATH, { body });
    if (error || data.code !== 200) throw new Error('failed');
    return data;
  };
}

export async function runInProcess({ rounds = 16, roundMs = 400 } = {}) {
  const facade = createNimClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: BASE, fetch: stubFetch });
  const facadeCore = createCoreClient({ appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: BASE, fetch: stubFetch });
  const contenders = {
    baseline: createBaseline(BASE, stubFetch),
    facade: (body) => facade.qchat.getServers(body),
    'facade (core, no validation)': (body) => facadeCore.qchat.getServers(body),
    'openapi-fetch': openapiFetchClient(),
  };
  // Correctness first: every contender must actually complete a call.
  for (const [name, call] of Object.entries(contenders)) if ((await call(BODY)).code !== 200) throw new Error(`${name} failed`);
  const perSecond = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const entries = Object.entries(contenders);
  for (let r = 0; r < rounds + 1; r++) {
    // Rotate the order every round and collect garbage between contenders (with --expose-gc), so no contender
    // always pays for the garbage of the one before it.
    for (let j = 0; j < entries.length; j++) {
      const [name, call] = entries[(r + j) % entries.length];
      globalThis.gc?.();
      const deadline = performance.now() + roundMs;
      let n = 0;
      const started = performance.now();
      while (performance.now() < deadline) {
        for (let i = 0; i < 50; i++) await call(BODY);
        n += 50;
      }
      if (r > 0) perSecond[name].push((n * 1000) / (performance.now() - started)); // round 0 warms up
    }
  }
  // Per contender: the median calls/s over the rounds, and the median of its per-round ratio to the baseline (rounds
  // are close in time, so a burst of load from elsewhere slows both sides of a ratio alike).
  return Object.fromEntries(
    Object.entries(perSecond).map(([k, v]) => [k, { perSecond: median(v), ratio: median(v.map((x, i) => x / perSecond.baseline[i])) }]),
  );
}
