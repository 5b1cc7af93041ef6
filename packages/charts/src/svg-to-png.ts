import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { THEME } from './theme.js';

/** Debian's DejaVu Sans (package fonts-dejavu-core); loading one file is faster than scanning all fonts. */
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** A rasterised chart: PNG bytes and, for checks, the raw RGBA pixels. */
export interface RasterChart {
  png: Buffer;
  width: number;
  height: number;
  /** RGBA, row-major, 4 bytes per pixel. */
  pixels: Buffer;
}

/**
 * Rasterises an SVG document to PNG with resvg (a Rust renderer shipped as a prebuilt npm package, no
 * download at install). Uses DejaVu Sans from the system, falling back to any installed font.
 *
 * @param scale pixel density: 1 for chat images, 2 for sharp images on high-density screens.
 */
export function svgToPng(svg: string, scale = 1): RasterChart {
  const fontFile = existsSync(DEJAVU);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: !fontFile,
      fontFiles: fontFile ? [DEJAVU] : [],
      defaultFontFamily: THEME.font,
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}
