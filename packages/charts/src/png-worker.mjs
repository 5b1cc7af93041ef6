// The worker thread of `png-workers.ts`: rasterises SVG with resvg and encodes the PNG, off the
// event loop of the process that asked (plain JavaScript so it runs from src/ in tests and is copied
// to dist/ by the build). Messages in: { id, svg, options }; out: { id, png, width, height } or
// { id, error }.
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

parentPort.on('message', ({ id, svg, options }) => {
  try {
    const image = new Resvg(svg, options).render();
    parentPort.postMessage({ id, png: image.asPng(), width: image.width, height: image.height });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
