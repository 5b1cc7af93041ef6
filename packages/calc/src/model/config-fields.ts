import { UserError } from '@mlsys/errors';
import { z } from 'zod';
import type { AppliedDefault } from './architecture.js';

/** A parsed `config.json`: a plain JSON object. */
export type RawConfig = Record<string, unknown>;

/** Upper bounds that no real config reaches; a value beyond them is refused as absurd. */
export const FIELD_CAPS = {
  size: 1_048_576, // hidden, intermediate and head sizes (largest real: ~10^5)
  layers: 4_096,
  heads: 16_384,
  vocab: 16_777_216,
  experts: 65_536,
  positions: 1_073_741_824,
} as const;

const configSchema = z.record(z.string(), z.unknown());

/**
 * Checks that untrusted input is a JSON object (not an array, string or null).
 *
 * @throws UserError `calc/bad-config` otherwise.
 */
export function asConfigObject(value: unknown, where = 'The config'): RawConfig {
  const parsed = configSchema.safeParse(value);
  if (!parsed.success || Array.isArray(value)) {
    throw new UserError('calc/bad-config', `${where} must be a JSON object such as a model's config.json.`, {
      example: '{"model_type": "llama", "hidden_size": 4096, …}',
      cause: parsed.success ? undefined : parsed.error,
    });
  }
  return parsed.data;
}

/**
 * Reads fields of one config with the defaults of its model type, validating each value and
 * recording every default applied.
 */
export class ConfigFields {
  readonly defaults: AppliedDefault[] = [];

  /**
   * @param config the config object (for nested configs, the text part)
   * @param from   where defaults come from, e.g. `transformers LlamaConfig`
   */
  constructor(
    readonly config: RawConfig,
    readonly from: string,
  ) {}

  /** True when the field is present and not null. */
  has(field: string): boolean {
    return this.config[field] !== undefined && this.config[field] !== null;
  }

  /** A whole number in [min, max], or `fallback` (recorded) when absent or null. */
  int(field: string, fallback: number | undefined, max: number, min = 1): number {
    const value = this.config[field];
    if (value === undefined || value === null) return this.fallback(field, fallback, String(fallback));
    const parsed = z.number().int().min(min).max(max).safeParse(value);
    if (!parsed.success) {
      throw new UserError(
        'calc/bad-config-field',
        `Config field "${field}" = ${shortJson(value)} is not a whole number from ${min} to ${max.toLocaleString('en-US')}.`,
        { example: `"${field}": ${min === 0 ? 0 : Math.min(max, 4096)}` },
      );
    }
    return parsed.data;
  }

  /** A whole number, or `null` when the field is present as null, or `fallback` when absent. */
  intOrNull(field: string, fallback: number | null, max: number): number | null {
    if (this.config[field] === null) return null;
    if (this.config[field] === undefined) return this.fallback(field, fallback, String(fallback));
    return this.int(field, undefined, max);
  }

  /** A boolean, or `fallback` (recorded) when absent. */
  bool(field: string, fallback: boolean): boolean {
    const value = this.config[field];
    if (value === undefined || value === null) return this.fallback(field, fallback, String(fallback));
    if (typeof value !== 'boolean') {
      throw new UserError(
        'calc/bad-config-field',
        `Config field "${field}" = ${shortJson(value)} should be true or false.`,
      );
    }
    return value;
  }

  /** A short string (activation names and the like), or `fallback` (recorded) when absent. */
  text(field: string, fallback: string): string {
    const value = this.config[field];
    if (value === undefined || value === null)
      return this.fallback(field, fallback, JSON.stringify(fallback));
    if (typeof value !== 'string' || value.length > 64) {
      throw new UserError(
        'calc/bad-config-field',
        `Config field "${field}" = ${shortJson(value)} should be a short string.`,
      );
    }
    return value;
  }

  /** An array of whole numbers in [0, max], or `undefined` when absent. */
  intList(field: string, max: number): number[] | undefined {
    const value = this.config[field];
    if (value === undefined || value === null) return undefined;
    const parsed = z.array(z.number().int().min(0).max(max)).max(FIELD_CAPS.layers).safeParse(value);
    if (!parsed.success) {
      throw new UserError(
        'calc/bad-config-field',
        `Config field "${field}" should be a list of whole numbers from 0 to ${max}.`,
      );
    }
    return parsed.data;
  }

  /** An array of short strings, or `undefined` when absent. */
  textList(field: string): string[] | undefined {
    const value = this.config[field];
    if (value === undefined || value === null) return undefined;
    const parsed = z.array(z.string().max(64)).max(FIELD_CAPS.layers).safeParse(value);
    if (!parsed.success) {
      throw new UserError(
        'calc/bad-config-field',
        `Config field "${field}" should be a list of names, one per layer.`,
      );
    }
    return parsed.data;
  }

  /** Records a default chosen by the caller (for derived values such as head_dim = hidden / heads). */
  note(field: string, value: string, from = this.from): void {
    this.defaults.push({ field, value, from });
  }

  private fallback<T>(field: string, fallback: T | undefined, shown: string): T {
    if (fallback === undefined) {
      throw new UserError(
        'calc/missing-config-field',
        `The config has no "${field}", and ${this.from} has no default for it.`,
        {
          example: `"${field}": …`,
        },
      );
    }
    this.defaults.push({ field, value: shown, from: this.from });
    return fallback;
  }
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 32 ? `${text.slice(0, 32)}…` : text;
}
