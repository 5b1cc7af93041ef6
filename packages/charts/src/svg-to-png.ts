import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { createPngWorkers, type PngImage, type PngWorkers } from './png-workers.js';
import { THEME } from './theme.js';

/** Debian's DejaVu Sans (package fonts-dejavu-core); loading one file is faster than scanning all fonts. */
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** A rasterised chart: PNG bytes and, for checks, the raw RGBA pixels. */
export interface RasterChart extends PngImage {
  /** RGBA (premultiplied, as resvg keeps them), row-major, 4 bytes per pixel. */
  pixels: Buffer;
}

/** Whether DejaVu Sans is installed, looked up once. */
let dejavu: boolean | undefined;

/** resvg's options: the zoom, and DejaVu Sans from the system (else any installed font). */
function renderOptions(scale: number): ResvgRenderOptions {
  dejavu ??= existsSync(DEJAVU);
  const fontFile = dejavu;
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: !fontFile,
      fontFiles: fontFile ? [DEJAVU] : [],
      defaultFontFamily: THEME.font,
    },
  };
}

/**
 * Rasterises an SVG document to PNG with resvg (a Rust renderer shipped as a prebuilt npm package, no
 * download at install), on the calling thread. Servers use {@link svgToPngAsync}.
 *
 * @param scale pixel density: 1 for chat images, 2 for sharp images on high-density screens.
 */
export function svgToPng(svg: string, scale = 1): RasterChart {
  const image = new Resvg(svg, renderOptions(scale)).render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}

/** The workers of {@link svgToPngAsync}, started on first use. */
let workers: PngWorkers | undefined;

/**
 * {@link svgToPng} on a worker thread ({@link createPngWorkers}: all cores but one): the render and
 * the PNG encoding (tens of ms of CPU and several fresh megabyte buffers) stay off the caller's event
 * loop, so a server keeps acknowledging requests while charts draw. No pixels: callers send the PNG.
 */
export function svgToPngAsync(svg: string, scale = 1): Promise<PngImage> {
  workers ??= createPngWorkers();
  return workers.render(svg, renderOptions(scale));
}
