import { Axis, Chart, Interval, jsx } from '@antv/f2';

/**
 * The dashboard's two charts as F2 element trees, built with F2's own `jsx` (not React's: F2 draws
 * on a canvas with its own renderer, the same on weapp and H5). Each chart's figures are also in a
 * table beneath it, for people who prefer numbers and for screen readers.
 */
export interface Bar {
  label: string;
  value: number;
}

const RED = '#C8102E';
const LABEL = { fontSize: 12, fill: '#5C5C5C' };

// F2's generic component classes do not fit its own `jsx` signature under strict types; the props are F2's documented ones.
const h = jsx as unknown as (type: unknown, props: object) => ReturnType<typeof jsx>;

/** Vertical bars of one value per label; `percent` shows 0–100 % on the value axis. */
export function barChart(bars: readonly Bar[], percent: boolean) {
  const data = bars.map((b) => ({ label: b.label, value: percent ? Math.round(b.value * 1000) / 10 : b.value }));
  return h(Chart, {
    data,
    scale: { value: percent ? { min: 0, max: 100, tickCount: 5 } : { min: 0, nice: true, tickCount: 5 } },
    children: [
      h(Axis, { field: 'label', style: { label: LABEL } }),
      h(Axis, { field: 'value', style: { label: LABEL }, formatter: (v: number) => (percent ? `${v}%` : String(v)) }),
      h(Interval, { x: 'label', y: 'value', color: RED }),
    ],
  });
}
