import { existsSync } from 'node:fs';
import { type RenderedImage, Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import { encodePng, unpremultiply } from './encode-png.js';
import { createRenderSlots } from './render-slots.js';
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

/** resvg's options: the zoom, and DejaVu Sans from the system (else any installed font). */
function renderOptions(scale: number): ResvgRenderOptions {
  const fontFile = existsSync(DEJAVU);
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: !fontFile,
      fontFiles: fontFile ? [DEJAVU] : [],
      defaultFontFamily: THEME.font,
    },
  };
}

/** Renders in flight at once: all cores but one, so the event loop's core stays free. */
const slots = createRenderSlots();

const toRaster = (image: RenderedImage): RasterChart => ({
  png: image.asPng(),
  width: image.width,
  height: image.height,
  pixels: image.pixels,
});

/**
 * Rasterises an SVG document to PNG with resvg (a Rust renderer shipped as a prebuilt npm package, no
 * download at install), on the calling thread. Servers use {@link svgToPngAsync}.
 *
 * @param scale pixel density: 1 for chat images, 2 for sharp images on high-density screens.
 */
export function svgToPng(svg: string, scale = 1): RasterChart {
  return toRaster(new Resvg(svg, renderOptions(scale)).render());
}

/**
 * {@link svgToPng} off the calling thread: resvg renders on libuv's thread pool and the PNG is
 * deflated there too ({@link encodePng}), so a server keeps answering other requests meanwhile (the
 * calling thread only copies rows, well under a millisecond for a chat image). Renders queue for one
 * of `cores − 1` slots ({@link createRenderSlots}).
 */
export async function svgToPngAsync(svg: string, scale = 1): Promise<RasterChart> {
  const image = await slots.run(() => renderAsync(svg, renderOptions(scale)));
  const pixels = image.pixels;
  const straight = Buffer.from(pixels);
  unpremultiply(straight);
  return {
    png: await encodePng(straight, image.width, image.height),
    width: image.width,
    height: image.height,
    pixels,
  };
}
