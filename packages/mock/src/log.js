// One concise line per API request: when, which operation, the answer's code, how long it took, and why.
//   2026-11-21T09:30:00.123Z qchatCreateServer 200 1.2ms example=ok
//   2026-11-21T09:30:00.124Z chatroomGet 200 0.8ms state
//   2026-11-21T09:30:00.456Z qchatCreateServer 414 0.4ms "CurTime is expired" (CurTime is 412 s behind the mock's clock (limit 300 s))
//   2026-11-21T09:30:00.789Z POST /nimserver/qchat/nope.action 404 http=404 0.1ms "unknown action: /nimserver/qchat/nope.action"

/**
 * @param {{ time: number, method?: string, url?: string, operationId?: string, status?: number, body?: any, ms: number, example?: string, stateful?: boolean, encoding?: string, reason?: string, fault?: number[] }} entry
 */
export function formatLogLine({ time, method, url, operationId, status = 200, body, ms, example, stateful, encoding, reason, fault }) {
  const parts = [new Date(time).toISOString(), operationId ?? `${method} ${url}`, String(body?.code ?? '-')];
  if (status !== 200) parts.push(`http=${status}`);
  parts.push(`${ms.toFixed(1)}ms`);
  if (body?.code === 200) {
    if (example) parts.push(`example=${example}`);
    else if (stateful) parts.push('state');
    if (encoding) parts.push(`encoding=${encoding}`); // only when the SDK form was served (docs/adr/0042)
  } else if (typeof body?.desc === 'string') {
    parts.push(JSON.stringify(body.desc));
  }
  if (fault) parts.push(`fault=${fault.join(',')}`);
  if (reason) parts.push(`(${reason})`);
  return parts.join(' ');
}

/**
 * The default log: lines to stdout, batched per event-loop turn (one write instead of one per request under load).
 * flush() writes what is pending at once (on close).
 */
export function createStdoutLog(stream = process.stdout) {
  /** @type {string[]} */
  let pending = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending.length) return;
    const text = pending.join('\n') + '\n';
    pending = [];
    stream.write(text);
  };
  const log = (/** @type {string} */ line) => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  log.flush = flush;
  return log;
}
