/** One model in the registry: its official config fields, where they come from, and names people type. */
export interface ModelEntry {
  /** Lower-case registry id, e.g. `llama-3.1-70b`. */
  id: string;
  /** Display name, e.g. `Llama-3.1-70B`. */
  name: string;
  /** Other names a person would type for this model (not shared with another model). */
  aliases: readonly string[];
  /**
   * The architecture fields of the official `config.json`, copied as published (unrelated fields such
   * as token ids left out). The config reader computes everything from these: one code path for
   * registry models and pasted configs.
   */
  config: Readonly<Record<string, unknown>>;
  /** The official config (Hugging Face repository) or paper the fields come from. */
  source: string;
  /** Published figures to check against, with their source (used by tests and shown in /models). */
  published?: readonly string[];
}
