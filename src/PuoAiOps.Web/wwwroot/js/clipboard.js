// Copies text to the clipboard for the console's copy buttons (a new API key's secret).
export async function copy(text) {
  await navigator.clipboard.writeText(text);
}
