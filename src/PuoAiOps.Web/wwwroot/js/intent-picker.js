// The intent picker and guide panel shared by the labeling and adjudication pages.
// The server renders every intent once; this module filters, ranks and numbers them as the person types.

const MAX_NUMBERED = 9;

function normalize(text) {
  return (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function startsWord(text, term) {
  return text.startsWith(term) || text.includes(` ${term}`);
}

// Every term must match somewhere; matches on the key and names outrank matches in the description.
function score(option, terms) {
  const key = option.dataset.key.toLowerCase();
  const keyWords = key.replace(/_/g, ' ');
  const name = normalize(option.dataset.name);
  const zh = option.dataset.zh ?? '';
  const all = option.dataset.search ?? '';
  let total = 0;
  for (const term of terms) {
    if (key.startsWith(term) || name.startsWith(term) || zh.startsWith(term)) total += 100;
    else if (startsWord(keyWords, term) || startsWord(name, term)) total += 70;
    else if (key.includes(term) || name.includes(term) || zh.includes(term)) total += 40;
    else if (all.includes(term)) total += 10;
    else return 0;
  }
  return total;
}

export function createPicker(root, { onHighlight = () => {}, onChoose = () => {} } = {}) {
  const search = root.querySelector('[data-picker-search]');
  const list = root.querySelector('[data-picker-list]');
  const empty = root.querySelector('[data-picker-empty]');
  const options = list ? [...list.querySelectorAll('.picker-option')] : [];
  const byId = new Map(options.map((o) => [o.dataset.intentId, o]));
  let visible = options.slice();
  let highlighted = null;
  let chosen = null;
  let pinned = [];

  function render() {
    const terms = normalize(search.value).split(' ').filter(Boolean);
    if (terms.length === 0) {
      const first = pinned.map((id) => byId.get(id)).filter(Boolean);
      visible = [...first, ...options.filter((o) => !first.includes(o))];
    } else {
      visible = options
        .map((o, index) => ({ o, index, s: score(o, terms) }))
        .filter((x) => x.s > 0)
        .sort((a, b) => b.s - a.s || a.index - b.index)
        .map((x) => x.o);
    }
    const shown = new Set(visible);
    for (const o of options) o.hidden = !shown.has(o);
    list?.append(...visible);
    visible.forEach((o, i) => {
      o.querySelector('.picker-num').textContent = i < MAX_NUMBERED ? String(i + 1) : '';
    });
    if (empty) empty.hidden = visible.length > 0 || options.length === 0;
    highlight(visible[0] ?? null, { scroll: false });
    if (list) list.scrollTop = 0;
  }

  function highlight(option, { scroll = true } = {}) {
    if (highlighted) {
      highlighted.classList.remove('is-highlighted');
      highlighted.setAttribute('aria-selected', 'false');
    }
    highlighted = option;
    if (option) {
      option.classList.add('is-highlighted');
      option.setAttribute('aria-selected', 'true');
      search.setAttribute('aria-activedescendant', option.id);
      if (scroll) option.scrollIntoView({ block: 'nearest' });
      onHighlight(option.dataset.intentId);
    } else {
      search.removeAttribute('aria-activedescendant');
    }
  }

  function choose(option, { silent = false } = {}) {
    if (!option) return false;
    chosen?.classList.remove('is-chosen');
    chosen = option;
    option.classList.add('is-chosen');
    highlight(option);
    if (!silent) onChoose(option.dataset.intentId, option.dataset.name, option.dataset.key);
    return true;
  }

  list?.addEventListener('click', (event) => {
    const option = event.target.closest('.picker-option');
    if (option) choose(option);
  });
  search.addEventListener('input', render);

  return {
    search,
    get count() { return options.length; },
    get highlightedId() { return highlighted?.dataset.intentId ?? null; },
    get chosenId() { return chosen?.dataset.intentId ?? null; },
    chosenLabel() { return chosen ? { name: chosen.dataset.name, key: chosen.dataset.key } : null; },
    /** 1-based position among the matches. */
    chooseNumber(n) { return choose(visible[n - 1]); },
    chooseHighlighted() { return choose(highlighted); },
    chooseId(id, options = {}) { return choose(byId.get(String(id)), options); },
    clearChoice() { chosen?.classList.remove('is-chosen'); chosen = null; },
    move(delta) {
      if (visible.length === 0) return;
      const at = Math.max(0, visible.indexOf(highlighted));
      highlight(visible[Math.min(visible.length - 1, Math.max(0, at + delta))]);
    },
    /** Intents listed first while the search is empty (adjudication: the annotators' answers). */
    setPinned(ids) { pinned = ids; render(); },
    startSearch(text) { search.value = text; search.focus(); render(); },
    focusSearch() { search.focus(); search.select(); },
    reset() { search.value = ''; this.clearChoice(); pinned = []; render(); },
    /** Nothing to label: the list goes away rather than sit there greyed out. */
    setDisabled(disabled) { root.hidden = disabled; search.disabled = disabled; },
  };
}

// The guide panel: one fragment per intent from /annotate/guide/{id}, kept for as long as the page is open.
export function createGuide(target) {
  const cache = new Map();
  let current = null;
  let timer;

  async function load(id) {
    current = id;
    let html = cache.get(id);
    if (html === undefined) {
      try {
        const response = await fetch(`/annotate/guide/${encodeURIComponent(id)}`, {
          headers: { Accept: 'text/html', 'HX-Request': 'true' },
          credentials: 'same-origin',
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        html = await response.text();
        cache.set(id, html);
      } catch {
        if (current !== id) return;
        target.textContent = 'The guide could not be loaded. It will be tried again when you choose another intent.';
        return;
      }
    }
    if (current !== id) return; // the person moved on while it loaded
    target.innerHTML = html; // server-rendered; guide Markdown is rendered with raw HTML disabled
    target.scrollTop = 0;
  }

  return {
    show(id, { immediate = false } = {}) {
      if (!id || id === current) return;
      current = id;
      clearTimeout(timer);
      // Arrowing through the list should not fetch every guide on the way.
      timer = setTimeout(() => load(id), immediate ? 0 : 150);
    },
  };
}

export function isTextField(element) {
  return element instanceof HTMLElement &&
    (element.isContentEditable || element.tagName === 'TEXTAREA' ||
      (element.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(element.type)));
}

export function isPlainKey(event) {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

// The cheat sheet is a Bootstrap modal (bootstrap.bundle is loaded on every page).
export function createSheet(element) {
  const Modal = window.bootstrap?.Modal;
  const modal = element && Modal ? Modal.getOrCreateInstance(element) : null;
  return {
    get open() { return element?.classList.contains('show') ?? false; },
    toggle() { modal?.toggle(); },
  };
}
