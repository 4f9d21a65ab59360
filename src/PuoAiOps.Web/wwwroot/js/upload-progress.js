// Upload progress for htmx file forms: a form with data-upload-progress="#progress-id" shows how much of
// the file has been sent, then that the server is working on it. Loaded as a module (the CSP forbids inline script).

function progressFor(form) {
  const selector = form?.getAttribute?.('data-upload-progress');
  return selector ? document.querySelector(selector) : null;
}

function labelFor(progress) {
  return progress?.closest('.upload-status')?.querySelector('[data-upload-label]') ?? null;
}

document.body.addEventListener('htmx:beforeRequest', (event) => {
  const progress = progressFor(event.detail.elt);
  if (!progress) return;
  progress.value = 0;
  const label = labelFor(progress);
  if (label) label.textContent = 'Uploading…';
});

document.body.addEventListener('htmx:xhr:progress', (event) => {
  const progress = progressFor(event.detail.elt ?? event.target);
  if (!progress || !event.detail.lengthComputable) return;
  const percent = Math.round((event.detail.loaded / event.detail.total) * 100);
  progress.value = percent;
  const label = labelFor(progress);
  if (label) label.textContent = percent < 100 ? `Uploading… ${percent}%` : 'Uploaded. Redacting and storing the questions…';
});
