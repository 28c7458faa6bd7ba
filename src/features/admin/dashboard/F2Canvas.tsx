import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Canvas as TaroCanvas, Text, View } from '@tarojs/components';
import { Canvas as F2 } from '@antv/f2';
import type { barChart } from './charts';

type ChartTree = ReturnType<typeof barChart>;
let nextId = 0;

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D | null;
}

/**
 * Draws an F2 chart on a 2d canvas: on weapp the node of a Taro <Canvas type='2d'>, on H5 a plain
 * <canvas> (Taro's H5 canvas sizes itself from attributes it only reads once). A canvas that cannot
 * draw (an old client, jsdom) shows a line pointing to the table beneath instead of failing the page.
 */
export function F2Canvas({ chart, height, label }: { chart: ChartTree; height: number; label: string }) {
  const [id] = useState(() => `f2-${++nextId}`);
  const [failed, setFailed] = useState(false);
  const htmlCanvas = useRef<HTMLCanvasElement | null>(null);
  const drawn = useRef<F2 | null>(null);

  useEffect(() => {
    let live = true;
    const draw = (canvas: CanvasLike, width: number, pixelRatio: number) => {
      const context = canvas.getContext('2d');
      if (!context || !live) return setFailed(!context);
      canvas.width = width * pixelRatio;
      canvas.height = height * pixelRatio;
      drawn.current?.destroy();
      const f2 = new F2({ context, pixelRatio, width, height, children: chart });
      drawn.current = f2;
      void f2.render();
    };
    try {
      if (process.env.TARO_ENV === 'h5') {
        const el = htmlCanvas.current;
        if (!el) throw new Error('no canvas');
        draw(el, el.clientWidth || 320, window.devicePixelRatio || 1);
      } else {
        Taro.createSelectorQuery()
          .select(`#${id}`)
          .fields({ node: true, size: true })
          .exec((res: { node?: CanvasLike; width?: number }[]) => {
            const found = res[0];
            if (!found?.node) return setFailed(true);
            draw(found.node, found.width ?? 320, Taro.getSystemInfoSync().pixelRatio || 2);
          });
      }
    } catch {
      setFailed(true);
    }
    return () => {
      live = false;
    };
  }, [chart, height, id]);

  useEffect(() => () => drawn.current?.destroy(), []);

  return (
    <View className='dash__chart' aria-label={label}>
      {failed && <Text className='muted'>图表无法显示，数据见下表。</Text>}
      {!failed && process.env.TARO_ENV === 'h5' && (
        <canvas
          ref={htmlCanvas}
          className='dash__canvas'
          style={{ height: `${height}px` }}
          role='img'
          aria-label={label}
        />
      )}
      {!failed && process.env.TARO_ENV !== 'h5' && (
        <TaroCanvas type='2d' id={id} className='dash__canvas' style={{ height: `${height}px` }} />
      )}
    </View>
  );
}
