// Per-app order: a request takes its place in its app's line when it arrives (before Prism's asynchronous
// validation), and its handler runs only after every earlier request of that app was applied or refused. Handlers are
// synchronous, so a turn is atomic; other apps never wait.

export function createAppQueues() {
  /** @type {Map<string, Promise<void>>} */
  const tails = new Map();

  /**
   * Takes a place in appKey's line now. Await turn(), then always release() (in a finally).
   * @param {string} appKey
   */
  return function enter(appKey) {
    const previous = tails.get(appKey);
    /** @type {() => void} */
    let open = () => {};
    /** @type {Promise<void>} */
    const done = new Promise((resolve) => (open = resolve));
    tails.set(appKey, done);
    let released = false;
    return {
      turn: () => previous ?? Promise.resolve(),
      release() {
        if (released) return;
        released = true;
        open();
        if (tails.get(appKey) === done) tails.delete(appKey);
      },
    };
  };
}
