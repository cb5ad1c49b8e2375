// Runs in the page (its source text is inlined by inject.js): puts the operations that match the search box's
// text, found by score.js, at the top of Redoc's search dialog, above Redoc's own full-text results.
/**
 * @param {import('./score.js').SearchEntry[]} entries
 * @param {(entries: import('./score.js').SearchEntry[], query: string) => import('./score.js').SearchEntry[]} search
 */
export function installSearch(entries, search) {
  const INPUT = '[data-component-name="Search/SearchInput"] input';
  const BOX = 'data-nimkit-results';

  /** Keeps our box right under the dialog's header. @param {HTMLInputElement} input @param {Element | null} [box] */
  const place = (input, box = document.querySelector(`[${BOX}]`)) => {
    const header = input.closest('header');
    if (header && box && header.nextElementSibling !== box) header.after(box);
  };

  // Redoc re-renders the dialog as its own results arrive; watched only while our box is shown, so the page's
  // own rendering never pays for it.
  /** @type {HTMLInputElement | null} */
  let input = null;
  const keeper = new MutationObserver(() => {
    if (!input?.isConnected) return stop();
    place(input);
  });
  const stop = () => {
    keeper.disconnect();
    document.querySelector(`[${BOX}]`)?.remove();
  };

  /** @param {HTMLInputElement} field */
  const render = (field) => {
    input = field;
    const hits = search(entries, field.value);
    let box = document.querySelector(`[${BOX}]`);
    if (!hits.length) return stop();
    if (!box) {
      box = document.createElement('div');
      box.setAttribute(BOX, '');
      box.setAttribute('role', 'list');
      box.setAttribute('aria-label', 'Operations');
    }
    box.replaceChildren(
      ...hits.map((hit) => {
        const link = document.createElement('a');
        link.href = hit.href;
        link.setAttribute('role', 'listitem');
        link.setAttribute('data-operation-id', hit.operationId);
        const where = document.createElement('small');
        where.textContent = `POST ${hit.path}`;
        const what = document.createElement('span');
        what.textContent = `${hit.summary} (${hit.title})`;
        link.append(where, what);
        link.addEventListener('click', () => {
          // The hash change shows the operation; Escape closes Redoc's dialog as its own results do.
          field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }));
        });
        return link;
      }),
    );
    place(field, box);
    keeper.observe(document.body, { childList: true, subtree: true });
  };

  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.matches(INPUT)) render(target);
    },
    true,
  );
}
