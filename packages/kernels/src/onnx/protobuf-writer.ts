/**
 * A minimal protocol-buffers encoder: just the wire types the ONNX messages need.
 *
 * Wire format: https://protobuf.dev/programming-guides/encoding/ — a field is a key
 * `(field_number << 3) | wire_type` followed by its value; wire type 0 = varint, 2 = length-delimited
 * (strings, bytes, sub-messages), 5 = 32-bit little-endian (float).
 *
 * @module
 */

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const textEncoder = new TextEncoder();

/**
 * Appends protobuf fields to a growing byte buffer. Sub-messages are written by encoding them into
 * their own writer first (the length prefix must be known), which is simple and fast enough for
 * graphs of a few hundred nodes.
 */
export class ProtobufWriter {
  private bytes = new Uint8Array(256);
  private length = 0;

  /** The encoded bytes written so far (a copy, exactly `length` long). */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  /** Field of an unsigned or signed integer as a varint; negative values take 10 bytes (two's complement). */
  int(field: number, value: number | bigint): this {
    this.key(field, WIRE_VARINT);
    this.varint(BigInt.asUintN(64, BigInt(value)));
    return this;
  }

  /** Field of a 32-bit float (wire type 5). */
  float(field: number, value: number): this {
    this.key(field, WIRE_FIXED32);
    this.reserve(4);
    new DataView(this.bytes.buffer, this.bytes.byteOffset + this.length, 4).setFloat32(0, value, true);
    this.length += 4;
    return this;
  }

  /** Field of a UTF-8 string. */
  string(field: number, value: string): this {
    return this.bytesField(field, textEncoder.encode(value));
  }

  /** Field of raw bytes (also used for an already-encoded sub-message). */
  bytesField(field: number, value: Uint8Array): this {
    this.key(field, WIRE_LENGTH_DELIMITED);
    this.varint(BigInt(value.length));
    this.reserve(value.length);
    this.bytes.set(value, this.length);
    this.length += value.length;
    return this;
  }

  /** Field holding a sub-message, encoded by `write` into a fresh writer. */
  message(field: number, write: (writer: ProtobufWriter) => void): this {
    const inner = new ProtobufWriter();
    write(inner);
    return this.bytesField(field, inner.finish());
  }

  private key(field: number, wireType: number): void {
    this.varint(BigInt((field << 3) | wireType));
  }

  /** Base-128 varint of an unsigned 64-bit value: 7 bits per byte, low bits first, high bit = more. */
  private varint(value: bigint): void {
    this.reserve(10);
    let rest = value;
    while (rest >= 0x80n) {
      this.bytes[this.length++] = Number(rest & 0x7fn) | 0x80;
      rest >>= 7n;
    }
    this.bytes[this.length++] = Number(rest);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
