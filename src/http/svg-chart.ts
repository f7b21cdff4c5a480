/**
 * Small server-rendered SVG charts for HTML pages (the dashboard): bars, horizontal bars, progress
 * bars and a line. No library, no script, no web font: the markup is the chart, so it renders with
 * scripts forbidden by the page's Content-Security-Policy, prints, and is read by screen readers
 * through its `<title>` and `<desc>` (`role="img"`, `aria-labelledby`). Every text is escaped here;
 * callers pass plain strings. Numbers are drawn as given: callers format them for the reader's
 * language (`display`) and give the scale's tick labels a formatter.
 */

/** Escapes text for HTML and XML, in content and in quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** One bar or point: its label, its value, and the value as the reader should see it. */
export interface Datum {
  label: string;
  value: number;
  /** The value as shown next to the bar or point (default: the number as it is). */
  display?: string;
}

export interface ChartOptions {
  /** Unique in the page: the ids of the chart's title and description derive from it. */
  id: string;
  /** The accessible name (`<title>`), also shown as a tooltip. */
  title: string;
  /** What the chart shows, in a sentence (`<desc>`). */
  desc: string;
  /** Tick labels of the value scale (default: the number as it is). */
  format?: (value: number) => string;
  width?: number;
}

/** One target's progress: its label, the share reached (100 = reached; may exceed it) and what to show. */
export interface Progress {
  label: string;
  percent: number;
  display: string;
  /** Reached: drawn in the "done" colour. */
  reached?: boolean;
}

const FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif\"";
const INK = '#1f2933';
const MUTED = '#616e7c';
const GRID = '#d9e2ec';
const BAR = '#2f6fb0';
const DONE = '#2e8540';
const TRACK = '#e4e7eb';

const num = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : 0);
/** What a bar or point is drawn at: negative and missing values at zero (the charts count and sum). */
const drawn = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
/** What is written next to a bar or point. */
const shownOf = (d: Datum) => d.display ?? (Number.isFinite(d.value) ? String(d.value) : '–');
const maxOf = (data: readonly Datum[]) => Math.max(0, ...data.map((d) => drawn(d.value)));

/** The opening tag with its accessible name and description. */
function open(o: ChartOptions, width: number, height: number): string {
  const t = `${o.id}-title`;
  const d = `${o.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${escapeXml(o.id)}" role="img" aria-labelledby="${escapeXml(t)} ${escapeXml(d)}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12" fill="${INK}">` +
    `<title id="${escapeXml(t)}">${escapeXml(o.title)}</title><desc id="${escapeXml(d)}">${escapeXml(o.desc)}</desc>`
  );
}

/** A "nice" upper bound of the scale (1, 2, 2.5 or 5 times a power of ten) and its ticks. */
export function niceScale(max: number, ticks = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const out: number[] = [];
  for (let v = 0; v < max + step / 2 && out.length <= ticks + 1; v += step) out.push(v);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/** The value scale: a grid line per tick from `x1` to `x2`, its label left of `x1`. */
function grid(scale: readonly number[], y: (v: number) => number, x1: number, x2: number, fmt: (v: number) => string): string {
  return scale
    .map(
      (tick) =>
        `<line x1="${x1}" x2="${x2}" y1="${y(tick)}" y2="${y(tick)}" stroke="${GRID}"/>` +
        `<text x="${x1 - 6}" y="${y(tick) + 4}" text-anchor="end" fill="${MUTED}">${escapeXml(fmt(tick))}</text>`,
    )
    .join('');
}

/** Vertical bars, one per datum, labels below, values above. */
export function barChart(data: readonly Datum[], o: ChartOptions): string {
  const width = o.width ?? 640;
  const left = 64;
  const top = 20;
  const plotH = 200;
  const labelH = 48;
  const height = top + plotH + labelH;
  const scale = niceScale(maxOf(data));
  const max = scale[scale.length - 1];
  const fmt = o.format ?? String;
  const slot = (width - left - 8) / Math.max(1, data.length);
  const y = (v: number) => num(top + plotH - (drawn(v) / max) * plotH);
  let out = open(o, width, height);
  out += grid(scale, y, left, width - 8, fmt);
  data.forEach((d, i) => {
    const x = left + i * slot;
    const bw = Math.max(2, slot * 0.6);
    const bx = num(x + (slot - bw) / 2);
    const by = y(d.value);
    out += `<rect x="${bx}" y="${by}" width="${num(bw)}" height="${num(top + plotH - by)}" fill="${BAR}"><title>${escapeXml(`${d.label}: ${shownOf(d)}`)}</title></rect>`;
    out += `<text x="${num(x + slot / 2)}" y="${num(by - 4)}" text-anchor="middle">${escapeXml(shownOf(d))}</text>`;
    out += `<text x="${num(x + slot / 2)}" y="${top + plotH + 16}" text-anchor="middle" fill="${MUTED}">${escapeXml(d.label)}</text>`;
  });
  out += `<line x1="${left}" x2="${width - 8}" y1="${top + plotH}" y2="${top + plotH}" stroke="${MUTED}"/>`;
  return `${out}</svg>`;
}

/** Horizontal bars, one row per datum: the label on the left, the value at the bar's end. */
export function horizontalBarChart(data: readonly Datum[], o: ChartOptions): string {
  const width = o.width ?? 640;
  const labelW = 170;
  const valueW = 90;
  const row = 22;
  const top = 8;
  const height = top + Math.max(1, data.length) * row + 8;
  const max = maxOf(data) || 1;
  const plotW = width - labelW - valueW;
  let out = open(o, width, height);
  data.forEach((d, i) => {
    const yTop = top + i * row;
    const bw = num((drawn(d.value) / max) * plotW);
    const shown = shownOf(d);
    out += `<text x="${labelW - 8}" y="${yTop + 15}" text-anchor="end">${escapeXml(d.label)}</text>`;
    out += `<rect x="${labelW}" y="${yTop + 3}" width="${Math.max(bw, 1)}" height="${row - 6}" fill="${BAR}"><title>${escapeXml(`${d.label}: ${shown}`)}</title></rect>`;
    out += `<text x="${num(labelW + bw + 6)}" y="${yTop + 15}" fill="${MUTED}">${escapeXml(shown)}</text>`;
  });
  out += `<line x1="${labelW}" x2="${labelW}" y1="${top}" y2="${height - 8}" stroke="${MUTED}"/>`;
  return `${out}</svg>`;
}

/** Progress bars toward targets: a track of 100 %, the share reached over it, the figure beside it. */
export function progressChart(items: readonly Progress[], o: ChartOptions): string {
  const width = o.width ?? 640;
  const row = 46;
  const height = Math.max(1, items.length) * row + 8;
  const trackW = width - 16 - 150;
  let out = open(o, width, height);
  items.forEach((p, i) => {
    const yTop = 4 + i * row;
    const share = Math.min(100, Math.max(0, p.percent));
    const w = num((share / 100) * trackW);
    out += `<text x="8" y="${yTop + 14}">${escapeXml(p.label)}</text>`;
    out += `<rect x="8" y="${yTop + 22}" width="${trackW}" height="14" rx="3" fill="${TRACK}"/>`;
    out += `<rect x="8" y="${yTop + 22}" width="${Math.max(w, 1)}" height="14" rx="3" fill="${p.reached ? DONE : BAR}"><title>${escapeXml(`${p.label}: ${p.display}`)}</title></rect>`;
    out += `<text x="${trackW + 16}" y="${yTop + 34}" fill="${MUTED}">${escapeXml(p.display)}</text>`;
  });
  return `${out}</svg>`;
}

/** A line through the points in order (a time series), with a dot and the value at each. */
export function lineChart(points: readonly Datum[], o: ChartOptions): string {
  const width = o.width ?? 640;
  const left = 72;
  const right = 24;
  const top = 24;
  const plotH = 180;
  const height = top + plotH + 32;
  const scale = niceScale(maxOf(points));
  const max = scale[scale.length - 1];
  const fmt = o.format ?? String;
  const plotW = width - left - right;
  // Each point in the middle of its slot, so the first value never sits on the scale's labels.
  const x = (i: number) => num(left + ((i + 0.5) / Math.max(1, points.length)) * plotW);
  const y = (v: number) => num(top + plotH - (drawn(v) / max) * plotH);
  let out = open(o, width, height);
  out += grid(scale, y, left, width - right, fmt);
  if (points.length > 1) {
    out += `<polyline fill="none" stroke="${BAR}" stroke-width="2.5" points="${points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}"/>`;
  }
  points.forEach((p, i) => {
    const shown = shownOf(p);
    out += `<circle cx="${x(i)}" cy="${y(p.value)}" r="4" fill="${BAR}"><title>${escapeXml(`${p.label}: ${shown}`)}</title></circle>`;
    out += `<text x="${x(i)}" y="${num(y(p.value) - 9)}" text-anchor="middle">${escapeXml(shown)}</text>`;
    out += `<text x="${x(i)}" y="${top + plotH + 18}" text-anchor="middle" fill="${MUTED}">${escapeXml(p.label)}</text>`;
  });
  out += `<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="${MUTED}"/>`;
  return `${out}</svg>`;
}
