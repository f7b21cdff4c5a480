import { barChart, escapeXml, horizontalBarChart, lineChart, niceScale, progressChart } from './svg-chart';

describe('svg-chart', () => {
  const hostile = `<script>"x"</script>&'`;
  const opts = { id: 'c', title: hostile, desc: hostile, format: (v: number) => `${v}${hostile}` };

  it('escapes every text it is given, in content and attributes', () => {
    expect(escapeXml(hostile)).toBe('&lt;script&gt;&quot;x&quot;&lt;/script&gt;&amp;&#39;');
    const data = [{ label: hostile, value: 3, display: hostile }];
    for (const svg of [
      barChart(data, opts),
      horizontalBarChart(data, opts),
      lineChart(data, opts),
      progressChart([{ label: hostile, percent: 50, display: hostile }], opts),
      barChart(data, { ...opts, id: hostile }),
    ]) {
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain(`"x"`);
      expect(svg.startsWith('<svg ')).toBe(true);
      expect(svg).toContain('role="img"');
    }
  });

  it('names and describes each chart for screen readers', () => {
    const svg = barChart([{ label: 'a', value: 1 }], { id: 'k', title: 'T', desc: 'D' });
    expect(svg).toContain('aria-labelledby="k-title k-desc"');
    expect(svg).toContain('<title id="k-title">T</title><desc id="k-desc">D</desc>');
  });

  it('scales to a round maximum at or above the largest value', () => {
    expect(niceScale(107)).toEqual([0, 50, 100, 150]);
    expect(niceScale(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceScale(13_462_000_000).at(-1)).toBeGreaterThanOrEqual(13_462_000_000);
    expect(niceScale(0)).toEqual([0, 1]);
    expect(niceScale(Number.NaN)).toEqual([0, 1]);
  });

  it('draws values that are zero, negative or missing without NaN', () => {
    const svg = lineChart(
      [
        { label: '2023', value: 0 },
        { label: '2024', value: -5 },
        { label: '2025', value: Number.NaN },
      ],
      { id: 'z', title: 't', desc: 'd' },
    );
    expect(svg).not.toContain('NaN');
    expect(barChart([], { id: 'e', title: 't', desc: 'd' })).not.toContain('NaN');
  });
});
