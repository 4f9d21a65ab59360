// The one JavaScript module behind <EChart> (Components/Shared/Charts/EChart.razor).
// ECharts (about 1 MB) is loaded once, on the first page that draws a chart. A chart is created on
// its element at the first render and updated in place afterwards (setOption without merging, so
// removed series disappear); it follows its container's size and is disposed with the component.

const charts = new WeakMap();
let loading;

function loadECharts(src) {
  if (window.echarts) return Promise.resolve(window.echarts);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve(window.echarts);
    script.onerror = () => { loading = undefined; reject(new Error('ECharts could not be loaded')); };
    document.head.append(script);
  });
  return loading;
}

export async function render(element, option, echartsSrc) {
  if (!element) return;
  const echarts = await loadECharts(echartsSrc);
  if (!element.isConnected) return;
  let entry = charts.get(element);
  if (!entry) {
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    entry = { chart, observer };
    charts.set(element, entry);
  }
  entry.chart.setOption(option, { notMerge: true });
}

export function dispose(element) {
  const entry = element && charts.get(element);
  if (!entry) return;
  entry.observer.disconnect();
  entry.chart.dispose();
  charts.delete(element);
}
