// Keyboard-first adjudication (/annotate/adjudicate). The case panel (#case-panel) is swapped by htmx after
// every decision; the annotators' answers are listed first in the picker so 1, 2… take them.
// Keys: type to search, 1-9, o (out of scope), r (reason), Enter (decide), l (later), ?.

import { createGuide, createPicker, createSheet, isPlainKey, isTextField } from './intent-picker.js';

const root = document.querySelector('[data-adjudicating]');
if (root) start(root);

function start(root) {
  const host = document.getElementById('case-panel');
  const pickerRoot = root.querySelector('[data-picker]');
  const guide = createGuide(document.querySelector('[data-guide-target]'));
  const sheet = createSheet(document.querySelector('[data-shortcut-sheet]'));
  const picker = pickerRoot ? createPicker(pickerRoot, {
    onHighlight: (id) => guide.show(id),
    onChoose: (id) => chosen(id),
  }) : null;
  let busy = false;

  const el = (selector) => host.querySelector(selector);
  const form = () => el('#decision-form');
  const oos = () => el('[data-flag="o"]');
  const reason = () => el('#decision-reason');
  const focusRoot = () => root.focus({ preventScroll: true });

  function begin() {
    window.htmx?.process(host); // see annotate.js: forms must work before htmx's settle delay ends
    const panel = el('.adjudication-case');
    const done = panel?.dataset.done === 'true';
    if (pickerRoot) pickerRoot.hidden = done;
    if (!picker || done) return focusRoot();
    picker.reset();
    picker.setPinned((panel.dataset.candidates ?? '').split(',').filter(Boolean));
    const draft = form()?.querySelector('[data-field=intent]')?.value;
    if (draft) picker.chooseId(draft, { silent: true });
    showAnswer();
    if (draft || oos()?.checked) reason()?.focus();
    else picker.focusSearch();
  }

  function chosen(id) {
    form().querySelector('[data-field=intent]').value = id;
    if (oos()) oos().checked = false;
    guide.show(id, { immediate: true });
    hint(null);
    showAnswer();
    reason()?.focus();
  }

  function answer() {
    if (oos()?.checked) return { name: 'Out of scope', key: 'oos' };
    return picker?.chosenLabel() ?? null;
  }

  function showAnswer() {
    const box = el('[data-answer]');
    const value = answer();
    if (!box || !value) { box?.classList.remove('has-answer'); return; }
    box.classList.add('has-answer');
    const label = document.createElement('span');
    label.append('Final label: ');
    const name = document.createElement('strong');
    name.textContent = value.name;
    label.append(name);
    const key = document.createElement('code');
    key.textContent = value.key;
    box.replaceChildren(label, key);
  }

  function hint(text) {
    const box = el('[data-hint]');
    if (!box) return;
    box.hidden = !text;
    box.textContent = text ?? '';
  }

  function toggleOutOfScope() {
    const box = oos();
    if (!box) return;
    box.checked = !box.checked;
    outOfScopeChanged();
  }

  function outOfScopeChanged() {
    if (oos()?.checked) {
      picker?.clearChoice();
      form().querySelector('[data-field=intent]').value = '';
      guide.show('oos', { immediate: true });
      reason()?.focus();
    }
    showAnswer();
  }

  function submit() {
    if (busy || !form()) return;
    form().requestSubmit();
  }

  // Before htmx sees the submit: an answer and a reason are required (the server checks too).
  document.addEventListener('submit', (event) => {
    if (!host.contains(event.target)) return;
    if (busy) { event.preventDefault(); event.stopPropagation(); return; }
    if (event.target !== form()) return;
    const missing = !answer() ? 'Choose the final intent (or o for out of scope) first.'
      : !reason()?.value.trim() ? 'Write a reason for the decision: it is required.' : null;
    if (missing) {
      event.preventDefault();
      event.stopPropagation();
      hint(missing);
      if (answer()) reason()?.focus(); else picker?.focusSearch();
      return;
    }
    busy = true;
  }, true);

  host.addEventListener('change', (event) => { if (event.target === oos()) outOfScopeChanged(); });
  host.addEventListener('htmx:beforeRequest', () => { busy = true; });
  host.addEventListener('htmx:afterRequest', () => { busy = false; });
  host.addEventListener('htmx:afterSwap', begin);
  document.querySelector('[data-action=shortcuts]')?.addEventListener('click', () => sheet.toggle());

  document.addEventListener('keydown', (event) => {
    if (sheet.open) {
      if (event.key === '?') sheet.toggle();
      return;
    }
    const target = event.target;
    if (picker && target === picker.search) return searchKey(event);
    if (target === reason()) {
      if (event.key === 'Escape') { event.preventDefault(); focusRoot(); }
      return; // Enter submits the form natively
    }
    if (isTextField(target) || target.closest?.('.modal')) return;
    if (target.closest?.('button, a') && event.key === 'Enter') return;
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
      if (picker.highlightedId && picker.highlightedId !== picker.chosenId) picker.chooseHighlighted();
      else if (answer()) reason()?.focus();
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
    if (key === 'Enter') { event.preventDefault(); return answer() ? submit() : picker?.chooseHighlighted(); }
    if (key === 'ArrowDown' || key === 'ArrowUp') { event.preventDefault(); return picker?.move(key === 'ArrowDown' ? 1 : -1); }
    if (!isPlainKey(event)) return;
    const actions = {
      '?': () => sheet.toggle(),
      o: toggleOutOfScope,
      r: () => reason()?.focus(),
      l: () => el('[data-action=later]')?.click(),
      '/': () => picker?.focusSearch(),
    };
    if (actions[key]) { event.preventDefault(); actions[key](); }
    else if (picker && /^[1-9]$/.test(key)) { event.preventDefault(); picker.chooseNumber(Number(key)); }
    else if (picker && /^\p{L}$/u.test(key)) { event.preventDefault(); picker.startSearch(key); }
  }

  begin();
}
