// Shared deadline slots: attempts due in the same slot share one signal and one timer, and never expire early.
import { describe, expect, it } from 'vitest';
import { deadlineSlot, TIMED_OUT } from '../src/deadline.js';

describe('deadlineSlot', () => {
  it('gives attempts due in the same slot one shared signal', () => {
    const a = deadlineSlot(60_000);
    const b = deadlineSlot(60_000);
    expect(b).toBe(a);
    expect(deadlineSlot(30_000)).not.toBe(a);
  });

  it('aborts with TIMED_OUT and wakes its waiters no earlier than the timeout', async () => {
    const started = Date.now();
    const slot = deadlineSlot(120);
    const woke = new Promise<number>((resolve) => slot.waiters.add(() => resolve(Date.now())));
    const removed = () => expect.unreachable('a removed waiter must not be woken');
    slot.waiters.add(removed);
    slot.waiters.delete(removed);
    const at = await woke;
    expect(at - started).toBeGreaterThanOrEqual(119); // 1 ms of leeway: Date.now and the timer clock round differently
    expect(slot.signal.aborted).toBe(true);
    expect(slot.signal.reason).toBe(TIMED_OUT);
    expect(slot.waiters.size).toBe(0);
    expect(deadlineSlot(120)).not.toBe(slot); // an expired slot is never handed out again
  });
});
