// Keyboard-first labeling (/annotate/batches/{id}/label). The item panel (#item-panel) is swapped by htmx
// after every submit, skip or undo; this module keeps the picker, guide, flags and timing in step with it.
// Keys: see the cheat sheet (ShortcutSheet.razor) — type to search, 1-9, Enter, o/u/m/n/s/z, ?.

import { createGuide, createPicker, createSheet, isPlainKey, isTextField } from './intent-picker.js';

const root = document.querySelector('[data-labeling]');
if (root) start(root);

function start(root) {
  const host = document.getElementById('item-panel');
  const guide = createGuide(document.querySelector('[data-guide-target]'));
  const sheet = createSheet(document.querySelector('[data-shortcut-sheet]'));
  const picker = createPicker(root.querySelector('[data-picker]'), {
    onHighlight: (id) => guide.show(id),
    onChoose: (id) => chosen(id),
  });
  let item = {};
  let busy = false;
  let lastAnswer = null;
  let lastSuggestionUrl = null;

  const el = (selector) => host.querySelector(selector);
  const form = () => el('#label-form');
  const flag = (key) => el(`[data-flag="${key}"]`);
  const focusRoot = () => root.focus({ preventScroll: true });

  // ---- one item ----

  function begin() {
    // htmx wires up swapped-in forms only when they settle (20 ms later); a fast key in between would
    // submit the new undo or skip form natively, reloading the page. Wire them up now.
    window.htmx?.process(host);
    const panel = el('.label-item');
    item = {
      id: panel?.dataset.itemId ?? null,
      done: panel?.dataset.done === 'true',
      suggestionUrl: panel?.dataset.suggestionUrl ?? null,
      shownAt: performance.now(),
      hiddenMs: 0,
      hiddenSince: document.hidden ? performance.now() : null,
    };
    picker.reset();
    // Batches that show suggestions list the model's guess first, so 1 takes it.
    if (panel?.dataset.suggested) picker.setPinned([panel.dataset.suggested]);
    picker.setDisabled(item.done);
    const draft = form()?.querySelector('[data-field=intent]')?.value;
    if (draft) picker.chooseId(draft, { silent: true });
    if (flag('o')?.checked) guide.show('oos', { immediate: true });
    showAnswer();
    if (panel?.dataset.skipOpen) openSkip();
    else if (!item.done) picker.focusSearch();
    else focusRoot();
  }

  function chosen(id) {
    const intent = form()?.querySelector('[data-field=intent]');
    if (!intent) return;
    intent.value = id;
    if (flag('o')) flag('o').checked = false;
    guide.show(id, { immediate: true });
    hint(null);
    showAnswer();
    focusRoot();
  }

  function toggleOutOfScope() {
    const oos = flag('o');
    if (!oos) return;
    oos.checked = !oos.checked;
    outOfScopeChanged();
  }

  function outOfScopeChanged() {
    if (flag('o')?.checked) {
      picker.clearChoice();
      form().querySelector('[data-field=intent]').value = '';
      guide.show('oos', { immediate: true });
    }
    hint(null);
    showAnswer();
  }

  function answerText() {
    if (flag('o')?.checked) return { name: 'Out of scope', key: 'oos' };
    return picker.chosenLabel();
  }

  function showAnswer() {
    const box = el('[data-answer]');
    if (!box) return;
    const answer = answerText();
    if (!answer) {
      box.classList.remove('has-answer');
      return;
    }
    box.classList.add('has-answer');
    const label = document.createElement('span');
    label.append('Your answer: ');
    const name = document.createElement('strong');
    name.textContent = answer.name;
    label.append(name);
    const key = document.createElement('code');
    key.textContent = answer.key;
    const flags = ['u', 'm'].filter((k) => flag(k)?.checked).map((k) => (k === 'u' ? 'unclear' : 'several intents'));
    const extra = document.createElement('span');
    extra.className = 'text-body-secondary';
    extra.textContent = flags.length ? `· ${flags.join(', ')}` : '';
    const enter = document.createElement('span');
    enter.className = 'answer-enter';
    enter.textContent = 'Enter to submit';
    box.replaceChildren(label, key, extra, enter);
  }

  // Batches without up-front suggestions: the model's guess for the item just answered, beside "Saved".
  // The server hands it out only once the label is stored, so it can never anchor the annotator's choice.
  async function revealSuggestion(url, saved) {
    const forItem = item.id;
    try {
      const response = await fetch(url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' });
      if (!response.ok || forItem !== item.id || !saved.isConnected) return;
      saved.insertAdjacentHTML('beforeend', await response.text());
    } catch {
      // The suggestion is a courtesy; labeling goes on without it.
    }
  }

  function hint(text) {
    const box = el('[data-hint]');
    if (!box) return;
    box.hidden = !text;
    box.textContent = text ?? '';
  }

  function submit() {
    if (busy || item.done || !form()) return;
    if (!answerText()) {
      hint('Choose an intent first: type to search, then a number or Enter. Or press o for out of scope.');
      picker.focusSearch();
      return;
    }
    form().requestSubmit();
  }

  function activeMs() {
    const now = performance.now();
    const hidden = item.hiddenMs + (item.hiddenSince !== null ? now - item.hiddenSince : 0);
    return Math.max(0, Math.round(now - item.shownAt - hidden));
  }

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) item.hiddenSince = performance.now();
    else if (item.hiddenSince !== null) {
      item.hiddenMs += performance.now() - item.hiddenSince;
      item.hiddenSince = null;
    }
  });

  // ---- skip ----

  function openSkip() {
    const box = el('[data-skip-box]');
    if (!box || item.done) return;
    box.hidden = false;
    el('#skip-reason').focus();
  }

  function closeSkip() {
    const box = el('[data-skip-box]');
    if (box) box.hidden = true;
    focusRoot();
  }

  // ---- events ----

  host.addEventListener('click', (event) => {
    const action = event.target.closest('[data-action]')?.dataset.action;
    if (action === 'skip') openSkip();
    if (action === 'skip-cancel') closeSkip();
    const preset = event.target.closest('[data-skip-preset]');
    if (preset) {
      el('#skip-reason').value = preset.dataset.skipPreset;
      el('#skip-reason').focus();
    }
  });
  document.querySelector('[data-action=shortcuts]')?.addEventListener('click', () => sheet.toggle());

  host.addEventListener('change', (event) => {
    if (event.target === flag('o')) outOfScopeChanged();
    else if (event.target.matches('[data-flag]')) showAnswer();
  });

  // Before htmx sees a submit: one request at a time (a repeated key must not undo or label twice),
  // no empty answer, and the time spent on the item goes along.
  document.addEventListener('submit', (event) => {
    if (!host.contains(event.target)) return;
    const refuse = busy || (event.target === form() && !answerText());
    if (refuse) {
      event.preventDefault();
      event.stopPropagation();
      if (!busy) hint('Choose an intent first, or press o for out of scope.');
      return;
    }
    busy = true;
    if (event.target === form()) {
      form().querySelector('[data-field=duration]').value = String(activeMs());
      lastAnswer = answerText();
      lastSuggestionUrl = item.suggestionUrl;
    }
  }, true);

  host.addEventListener('htmx:afterRequest', () => { busy = false; });
  host.addEventListener('htmx:afterSwap', (event) => {
    const wasLabel = event.detail.requestConfig?.elt?.id === 'label-form';
    const ok = event.detail.xhr?.status === 200;
    begin();
    if (wasLabel && ok && lastAnswer && !el('[data-testid=label-warning]')) {
      const saved = el('[data-saved]');
      saved.textContent = `Saved: ${lastAnswer.name}. Press z to undo.`;
      saved.hidden = false;
      if (lastSuggestionUrl) revealSuggestion(lastSuggestionUrl, saved);
    }
    lastAnswer = null;
    lastSuggestionUrl = null;
  });

  document.addEventListener('keydown', (event) => {
    if (sheet.open) {
      if (event.key === '?') sheet.toggle();
      return;
    }
    const target = event.target;
    if (target === picker.search) return searchKey(event);
    if (target.id === 'label-note' || target.id === 'skip-reason') {
      if (event.key === 'Escape') {
        event.preventDefault();
        if (target.id === 'skip-reason') closeSkip();
        else focusRoot();
      }
      return; // Enter submits their own form natively
    }
    if (isTextField(target) || target.closest?.('.modal')) return;
    workbenchKey(event);
  });

  function searchKey(event) {
    const key = event.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      picker.move(key === 'ArrowDown' ? 1 : -1);
    } else if (/^[1-9]$/.test(key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      picker.chooseNumber(Number(key));
    } else if (key === 'Enter') {
      event.preventDefault();
      const query = picker.search.value.trim();
      const pick = picker.highlightedId;
      if (pick && pick !== picker.chosenId && (query || !answerText())) picker.chooseHighlighted();
      else if (answerText()) submit();
    } else if (key === 'Escape') {
      event.preventDefault();
      if (picker.search.value) picker.startSearch('');
      else focusRoot();
    } else if (key === '?' && !picker.search.value) {
      event.preventDefault();
      sheet.toggle();
    }
  }

  function workbenchKey(event) {
    const key = event.key;
    const plain = isPlainKey(event);
    if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'z') {
      event.preventDefault();
      return undo();
    }
    if (key === 'Enter' && !event.ctrlKey) {
      if (onControl(event)) return;
      event.preventDefault();
      if (answerText()) submit();
      else if (picker.highlightedId) picker.chooseHighlighted();
      return;
    }
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      return picker.move(key === 'ArrowDown' ? 1 : -1);
    }
    if (!plain) return;
    if (key === '?') { event.preventDefault(); return sheet.toggle(); }
    if (item.done) {
      if (key === 'z') { event.preventDefault(); undo(); }
      return;
    }
    const actions = {
      o: toggleOutOfScope,
      u: () => toggleFlag('u'),
      m: () => toggleFlag('m'),
      n: () => el('#label-note')?.focus(),
      s: openSkip,
      z: undo,
      '/': () => picker.focusSearch(),
    };
    if (actions[key]) {
      event.preventDefault();
      actions[key]();
    } else if (/^[1-9]$/.test(key)) {
      event.preventDefault();
      picker.chooseNumber(Number(key));
    } else if (/^\p{L}$/u.test(key)) {
      // Any other letter starts a new search with it.
      event.preventDefault();
      picker.startSearch(key);
    }
  }

  // Buttons and links keep their own Enter.
  function onControl(event) {
    return event.target.closest?.('button, a, summary') !== null && event.target !== root;
  }

  function toggleFlag(key) {
    const box = flag(key);
    if (!box) return;
    box.checked = !box.checked;
    showAnswer();
  }

  function undo() {
    if (busy) return;
    document.getElementById('undo-form')?.requestSubmit();
  }

  begin();
}
