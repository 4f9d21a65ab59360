// Console-wide behaviour htmx cannot express in attributes: error toasts for failed htmx requests.
// Loaded as a module on every page (no inline script: the CSP forbids it).

const messages = {
  400: 'The request was rejected. Reload the page and try again.',
  401: 'Your session has ended. Sign in again.',
  403: "Your role doesn't allow this action.",
  404: 'That item no longer exists.',
  409: 'Someone else changed this at the same time. Reload and try again.',
  500: 'The console hit an unexpected error. Try again in a moment.',
};

function messageFor(xhr) {
  // Problem details (RFC 9457) carry a title; prefer our plain wording for the common statuses.
  if (messages[xhr.status]) return messages[xhr.status];
  try {
    const problem = JSON.parse(xhr.responseText);
    if (problem && typeof problem.title === 'string') return problem.title;
  } catch {
    // not JSON: fall through to the generic message
  }
  return `The request failed (${xhr.status}).`;
}

export function showToast(text, kind = 'error') {
  const container = document.getElementById('toasts');
  if (!container) return;
  const toast = document.createElement('div');
  toast.className = `toast toast-${kind}`;
  toast.setAttribute('role', kind === 'error' ? 'alert' : 'status');

  const header = document.createElement('div');
  header.className = 'toast-header';
  const icon = document.createElement('i');
  icon.className = kind === 'error' ? 'bi bi-exclamation-octagon me-2' : 'bi bi-info-circle me-2';
  icon.setAttribute('aria-hidden', 'true');
  const title = document.createElement('strong');
  title.className = 'me-auto';
  title.textContent = kind === 'error' ? 'Could not complete' : 'Notice';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn-close';
  close.setAttribute('data-bs-dismiss', 'toast');
  close.setAttribute('aria-label', 'Close');
  header.append(icon, title, close);

  const body = document.createElement('div');
  body.className = 'toast-body';
  body.textContent = text;
  toast.append(header, body);
  container.append(toast);

  const Toast = window.bootstrap?.Toast;
  if (Toast) {
    toast.addEventListener('hidden.bs.toast', () => toast.remove());
    new Toast(toast, { delay: 6000 }).show();
  } else {
    toast.classList.add('show');
  }
}

document.body.addEventListener('htmx:responseError', (event) => {
  showToast(messageFor(event.detail.xhr));
});

document.body.addEventListener('htmx:sendError', () => {
  showToast('The console could not be reached. Check your connection and try again.');
});
