// Keyboard shortcuts for interactive pages (labeling, adjudication, the intent picker). The .NET component
// decides what a key does; this module only decides, synchronously, which presses the browser must not
// handle itself (preventDefault cannot wait for a round trip) and forwards those to the component.
//
// listen(element, dotnet, zones): element null listens on the whole document. zones maps a zone name to the
// presses it claims. A press belongs to the zone of the nearest [data-key-zone] around its target; outside
// any zone it belongs to "page", unless the target is a text field (letters must type there).
// Patterns: a key name ("Enter", "Escape", "ArrowUp", "o", "?"), "digit" (1-9), "letter" (any single
// letter, any script), "ctrl+<key>", and "<pattern>:empty" (only while the field is empty). A rule is a
// pattern or { key: pattern, focus: selector }: the focus moves at once, before the round trip, so the
// next keys already land where the component will want them (a note typed right after n).
//
// Presses are numbered (seq). The component moves the focus with focus(target, seq) after handling press seq;
// that move is dropped when a later press has already moved the focus in the browser, so a server round trip
// that arrives late cannot pull a fast typist back (the note typed after "Enter, m, n" landing on the page
// instead, where its letters are shortcuts).

let presses = 0;
let movedFocusAt = 0;

const controls = 'button, a, summary, [role=button], [role=menuitem], [role=option], input[type=checkbox], input[type=radio]';

function isTextField(element) {
  return element instanceof HTMLElement &&
    (element.isContentEditable || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' ||
      (element.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(element.type)));
}

function matches(pattern, event, empty) {
  const [name, condition] = pattern.split(':');
  if (condition === 'empty' && !empty) return false;
  const ctrl = event.ctrlKey || event.metaKey;
  if (name.startsWith('ctrl+')) return ctrl && !event.altKey && event.key.toLowerCase() === name.slice(5);
  if (ctrl || event.altKey) return false;
  if (name === 'digit') return /^[1-9]$/.test(event.key);
  if (name === 'letter') return /^\p{L}$/u.test(event.key);
  return event.key === name;
}

export function listen(element, dotnet, zones) {
  const scope = element ?? document;
  const handler = (event) => {
    if (event.isComposing || event.defaultPrevented) return;
    const target = event.target instanceof Element ? event.target : document.body;
    const zoneElement = target.closest('[data-key-zone]');
    const zone = zoneElement?.dataset.keyZone ?? (isTextField(target) ? null : 'page');
    if (!zone || !zones[zone]) return;
    // Buttons, links and checkboxes keep their own Enter and Space.
    if ((event.key === 'Enter' || event.key === ' ') && !zoneElement && target.closest(controls)) return;
    const empty = isTextField(target) ? target.value === '' : true;
    const rule = zones[zone].find((r) => matches(typeof r === 'string' ? r : r.key, event, empty));
    if (!rule) return;
    event.preventDefault();
    event.stopPropagation();
    const seq = ++presses;
    if (rule.focus) {
      document.querySelector(rule.focus)?.focus({ preventScroll: true });
      movedFocusAt = seq;
    }
    dotnet.invokeMethodAsync('OnKeyAsync', { key: event.key, zone, ctrl: event.ctrlKey || event.metaKey, seq });
  };
  scope.addEventListener('keydown', handler);
  // How many listeners are on, on the root element: keyboard-driven pages (and their tests) can tell the keys work.
  const root = document.documentElement;
  root.dataset.keyListeners = String(Number(root.dataset.keyListeners || 0) + 1);
  return {
    dispose: () => {
      scope.removeEventListener('keydown', handler);
      root.dataset.keyListeners = String(Math.max(0, Number(root.dataset.keyListeners || 1) - 1));
    },
  };
}

// Moves the focus to the element matching selector as decided after press seq (0: not after a key),
// unless a later press already moved it. Returns whether it moved.
export function focus(selector, seq) {
  if (seq > 0 && movedFocusAt > seq) return false;
  const element = document.querySelector(selector);
  if (!element) return false;
  element.focus();
  return true;
}

// Time on an item leaves out time the tab was hidden: the component is told when that changes.
export function watchVisibility(dotnet) {
  const handler = () => dotnet.invokeMethodAsync('OnVisibilityChanged', document.hidden);
  document.addEventListener('visibilitychange', handler);
  return { dispose: () => document.removeEventListener('visibilitychange', handler) };
}

// Keeps the highlighted entry of a list in view as the arrow keys move through it.
export function reveal(id) {
  document.getElementById(id)?.scrollIntoView({ block: 'nearest' });
}
