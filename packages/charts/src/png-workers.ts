import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/** A chart encoded as PNG. */
export interface PngImage {
  png: Buffer;
  width: number;
  height: number;
}

/** Worker threads that rasterise SVG to PNG, one job each at a time, queued first come first served. */
export interface PngWorkers {
  render(svg: string, options: ResvgRenderOptions): Promise<PngImage>;
}

interface Job {
  id: number;
  svg: string;
  options: ResvgRenderOptions;
  resolve(image: PngImage): void;
  reject(error: Error): void;
}

type Reply = { id: number; png: Uint8Array; width: number; height: number } | { id: number; error: string };

const SCRIPT = new URL('./png-worker.mjs', import.meta.url);

/** One worker and the job it is on, if any. */
interface Slot {
  worker: Worker;
  job?: Job | undefined;
}

/**
 * Creates the pool: `size` workers (default all cores but one, so the event loop keeps a core),
 * started on first use. Idle workers do not keep the process alive; a worker that dies fails its job
 * and is replaced when work is waiting.
 */
export function createPngWorkers(size = Math.max(1, availableParallelism() - 1)): PngWorkers {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;

  function startNext(slot: Slot): void {
    const job = queue.shift();
    slot.job = job;
    if (!job) {
      slot.worker.unref();
      return;
    }
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, svg: job.svg, options: job.options });
  }

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(SCRIPT) };
    slots.push(slot);
    slot.worker.on('message', (reply: Reply) => {
      const job = slot.job;
      if (job?.id !== reply.id) return;
      if ('error' in reply) job.reject(new Error(`chart render failed: ${reply.error}`));
      else {
        const png = Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength);
        job.resolve({ png, width: reply.width, height: reply.height });
      }
      startNext(slot);
    });
    const retire = (error: Error) => {
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      slot.job?.reject(error);
      slot.job = undefined;
      dispatch();
    };
    // A dying worker leaves the pool at once ('error' comes before 'exit'), so no job is handed to it.
    slot.worker.on('error', retire);
    slot.worker.on('exit', () => retire(new Error('the chart worker stopped')));
    return slot;
  }

  function dispatch(): void {
    while (queue.length > 0) {
      const slot = slots.find((s) => s.job === undefined) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      startNext(slot);
    }
  }

  return {
    render(svg, options) {
      return new Promise<PngImage>((resolve, reject) => {
        queue.push({ id: nextId++, svg, options, resolve, reject });
        dispatch();
      });
    },
  };
}
