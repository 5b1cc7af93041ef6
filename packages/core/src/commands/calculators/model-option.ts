import { type Architecture, architectureOf, readConfig, resolveModel } from '@mlsys/calc';
import { UserError } from '@mlsys/errors';
import { type OptionSpec, option } from '../option.js';

/** A model chosen by name from the registry or by a pasted `config.json`, read into an architecture. */
export interface ModelChoice {
  arch: Architecture;
  /** Display name: `Llama-3.1-70B`, or `pasted config (llama)`. */
  name: string;
  /** Registry id, or `null` for a pasted config. */
  id: string | null;
  /** Where the config comes from. */
  source: string;
  /** Display names of other models an ambiguous name could mean. */
  alsoMatched: string[];
  /** The text the user typed when it differs from the resolved id (for "llama-70b → Llama-3.1-70B"). */
  typed: string | null;
}

/**
 * Reads the model word: a registry id or alias (`llama-70b`, `deepseek-v3`, `r1`), or a pasted
 * config.json as one `{…}` word (the CLI's `--config path.json` prepends the file's JSON).
 *
 * @throws UserError for an unknown name (with close ids), invalid JSON, or a config the reader refuses.
 */
export function parseModel(raw: string): ModelChoice {
  const text = raw.trim();
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UserError('core/bad-config-json', 'The pasted config is not valid JSON.', {
        example: 'paste the whole config.json, from { to }, or pass --config path.json',
        cause: error,
      });
    }
    const arch = readConfig(json);
    return {
      arch,
      name: `pasted config (${arch.modelType})`,
      id: null,
      source: 'the pasted config.json',
      alsoMatched: [],
      typed: null,
    };
  }
  const { entry, alsoMatched } = resolveModel(text);
  return {
    arch: architectureOf(entry),
    name: entry.name,
    id: entry.id,
    source: entry.source,
    alsoMatched: alsoMatched.map((e) => e.name),
    typed: text.toLowerCase() === entry.id ? null : text,
  };
}

/** The positional model option shared by /kvcache, /moe and other calculators. */
export function modelOption(
  description = 'Model id or alias (see /models), or a pasted config.json',
): OptionSpec<ModelChoice, true> {
  return option({
    description,
    kind: 'string',
    required: true,
    positional: true,
    complete: 'model',
    example: 'llama-3.1-70b',
    parse: parseModel,
  });
}

/** Notes every reply about a model carries: how the name resolved, defaults applied, reader caveats. */
export function modelNotes(choice: ModelChoice): string[] {
  const notes: string[] = [];
  if (choice.typed !== null) {
    const also = choice.alsoMatched.length > 0 ? ` (also: ${choice.alsoMatched.join(', ')})` : '';
    notes.push(`"${choice.typed}" read as ${choice.name}${also}.`);
  }
  const { defaults } = choice.arch;
  if (defaults.length > 0) {
    const from = [...new Set(defaults.map((d) => d.from))].join(', ');
    notes.push(
      `Defaults applied for fields the config omits (${from}): ${defaults.map((d) => `${d.field} = ${d.value}`).join('; ')}.`,
    );
  }
  notes.push(...choice.arch.notes);
  return notes;
}
