import { memo, useEffect, useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import qrcode from 'qrcode-generator';

const MARGIN = 2;

/** The modules of a QR code for `text` (medium error correction, size chosen by the library). */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

function draw(canvasId: string, text: string, size: number): void {
  const modules = qrModules(text);
  const n = modules.length;
  const cell = Math.floor(size / (n + MARGIN * 2));
  const offset = Math.floor((size - cell * n) / 2);
  const ctx = Taro.createCanvasContext(canvasId);
  ctx.setFillStyle('#ffffff');
  ctx.fillRect(0, 0, size, size);
  ctx.setFillStyle('#000000');
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) ctx.fillRect(offset + c * cell, offset + r * cell, cell, cell);
    }),
  );
  ctx.draw();
}

let counter = 0;

/**
 * A QR code drawn on a canvas, the same way on weapp and H5 (Taro's canvas context). Memoized: the
 * canvas is only touched when the text changes, so a ticking countdown beside it never wipes it.
 */
export const QrCanvas = memo(function QrCanvas({ text, size }: { text: string; size: number }) {
  const id = useMemo(() => `vol-qr-${++counter}`, []);
  const style = useMemo(() => ({ width: `${size}px`, height: `${size}px` }), [size]);
  useEffect(() => {
    // After the canvas element is in the page (Taro H5 looks it up in the DOM).
    const timer = setTimeout(() => {
      try {
        draw(id, text, size);
      } catch {
        // No canvas (e.g. a test DOM): the 6 digits beside it still work.
      }
    }, 60);
    return () => clearTimeout(timer);
  }, [id, text, size]);
  return <Canvas canvasId={id} id={id} className='vol-code__qr' style={style} />;
});
