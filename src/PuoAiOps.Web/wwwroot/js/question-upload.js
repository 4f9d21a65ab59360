// Sends a question file to POST /questions/imports as multipart/form-data with XMLHttpRequest, so the page can
// show upload progress, and hands the answer to the page (docs/decisions/0007-question-upload.md). The file goes
// over plain HTTP, never through the circuit: a 512 MB file must not stream through the WebSocket.

export function upload(form, page, source) {
  const file = form.querySelector('input[type=file]')?.files?.[0];
  if (!file) return false;
  const data = new FormData();
  data.append('file', file, file.name);
  if (source && source.trim()) data.append('source', source);
  const token = form.querySelector('input[name=__RequestVerificationToken]')?.value ?? '';

  const request = new XMLHttpRequest();
  let last = -1;
  request.upload.addEventListener('progress', (event) => {
    if (!event.lengthComputable) return;
    const percent = Math.floor((event.loaded / event.total) * 100);
    if (percent === last) return; // one message per percent, not per packet
    last = percent;
    page.invokeMethodAsync('OnProgress', percent);
  });
  request.addEventListener('load', () => page.invokeMethodAsync('OnFinished', request.status, request.responseText ?? ''));
  request.addEventListener('error', () => page.invokeMethodAsync('OnFinished', 0, ''));
  request.addEventListener('abort', () => page.invokeMethodAsync('OnFinished', 0, ''));
  request.open('POST', form.getAttribute('action'));
  request.setRequestHeader('X-CSRF-TOKEN', token);
  request.setRequestHeader('Accept', 'application/json');
  request.send(data);
  return true;
}
