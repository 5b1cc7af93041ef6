import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

/** The 8-byte PNG signature (PNG specification, 3rd edition, §5.2). */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One chunk: length, type, data, CRC-32 of type and data (§5.3). */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Encodes straight (not premultiplied) RGBA pixels as a PNG: colour type 6, 8 bits per channel, no
 * interlace, filter type 0 on every row (§7.3, §9). The deflate runs on libuv's thread pool, so the
 * calling thread only lays out the rows.
 *
 * @param rgba `width × height × 4` bytes, row-major.
 */
export async function encodePng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  const stride = width * 4;
  if (rgba.length !== stride * height) {
    throw new Error(`encodePng: ${rgba.length} bytes is not ${width}×${height} RGBA`);
  }
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++)
    rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', await deflateAsync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Turns premultiplied RGBA (what resvg's pixmap holds) into straight RGBA in place; opaque pixels,
 * all of a chart on its white background, are left as they are.
 */
export function unpremultiply(rgba: Uint8Array): void {
  for (let i = 3; i < rgba.length; i += 4) {
    const alpha = rgba[i]!;
    if (alpha === 255 || alpha === 0) continue;
    for (let c = i - 3; c < i; c++) rgba[c] = Math.min(255, Math.round((rgba[c]! * 255) / alpha));
  }
}
