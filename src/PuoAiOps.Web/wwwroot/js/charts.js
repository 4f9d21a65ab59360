// Charts declared in markup, drawn with ECharts:
//   <div class="chart" data-chart-src="/api/v1/metrics/..." aria-label="..."></div>
// The endpoint returns an ECharts option object as JSON. ECharts (1 MB) is loaded only on pages
// that have a chart. Tooltips render inside the canvas (renderMode "richText"): ECharts' HTML
// tooltips carry inline style attributes, which the console's CSP (style-src 'self') refuses.

const ECHARTS_SRC = '/lib/echarts/echarts.min.js';
let loading;

function loadECharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = ECHARTS_SRC;
    script.onload = () => resolve(window.echarts);
    script.onerror = () => reject(new Error('ECharts could not be loaded'));
    document.head.append(script);
  });
  return loading;
}

function showChartError(el, text) {
  el.classList.add('chart-error');
  el.textContent = text;
}

async function render(el) {
  if (el.dataset.chartReady) return;
  el.dataset.chartReady = 'pending';
  try {
    const [echarts, response] = await Promise.all([
      loadECharts(),
      fetch(el.dataset.chartSrc, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }),
    ]);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const option = await response.json();
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({ ...option, tooltip: { ...(option.tooltip ?? {}), renderMode: 'richText' } });
    new ResizeObserver(() => chart.resize()).observe(el);
    el.dataset.chartReady = 'done';
  } catch {
    showChartError(el, 'This chart could not be loaded. Reload the page to try again.');
  }
}

export function renderCharts(root = document) {
  root.querySelectorAll('[data-chart-src]').forEach(render);
}

renderCharts();
document.body.addEventListener('htmx:afterSettle', (event) => renderCharts(event.detail.elt));
