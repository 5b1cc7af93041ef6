/**
 * Entry point of the kernel child process: loads onnxruntime once, keeps a session cache, and answers
 * one request at a time over IPC. The parent kills this process when a run takes too long, since
 * onnxruntime cannot cancel a run in flight.
 *
 * Configuration comes from the parent as arguments: `--threads N --max-reference-flops F --max-work-bytes B`.
 *
 * @module
 */

import { parseArgs } from 'node:util';
import { type ChildRequest, type ChildResponse, serializeError } from './child-protocol.js';
import { executeKernel } from './execute-kernel.js';
import { createSessionCache } from './session-cache.js';

const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: '1' },
    'max-reference-flops': { type: 'string', default: '2e9' },
    'max-work-bytes': { type: 'string', default: String(2 ** 30) },
  },
});
const threads = Number(values.threads);
const sessions = createSessionCache(threads);
const options = {
  sessions,
  threads,
  maxReferenceFlops: Number(values['max-reference-flops']),
  maxWorkBytes: Number(values['max-work-bytes']),
};

let queue = Promise.resolve();
process.on('message', (message: ChildRequest) => {
  queue = queue.then(async () => {
    let response: ChildResponse;
    try {
      response = { id: message.id, ok: true, result: await executeKernel(message.request, options) };
    } catch (error) {
      response = { id: message.id, ok: false, error: serializeError(error) };
    }
    process.send?.(response);
  });
});
// The parent went away (closed or crashed): nothing more will come.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
