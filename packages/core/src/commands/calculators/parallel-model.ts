import { shapeFromArchitecture, shapeFromParams, type TransformerShape } from '@mlsys/calc';
import { UserError } from '@mlsys/errors';
import { type ModelChoice, modelNotes } from './model-option.js';

/** The model a `/parallel` call plans for, with notes and sources for the reply. */
export interface ParallelModel {
  shape: TransformerShape;
  notes: string[];
  sources: string[];
}

/** The options of `/parallel` that describe the model. */
export interface ParallelModelOptions {
  model?: ModelChoice | undefined;
  params?: number | undefined;
  layers?: number | undefined;
  hidden?: number | undefined;
  heads?: number | undefined;
  vocab?: number | undefined;
}

/**
 * Resolves `/parallel`'s model: a registry name, or `params=` with optional layers/hidden/heads/vocab
 * (a GPT-like shape is derived for what is missing, and the reply says so).
 *
 * @throws UserError when neither or both are given.
 */
export function parallelModel(options: ParallelModelOptions): ParallelModel {
  if (options.model !== undefined && options.params !== undefined) {
    throw new UserError('core/parallel-model-and-params', 'Name a model or give params=, not both.', {
      example: '/parallel params=70b gpus=64',
    });
  }
  if (options.model !== undefined) {
    const dims = [options.layers, options.hidden, options.heads, options.vocab];
    if (dims.some((value) => value !== undefined)) {
      throw new UserError(
        'core/parallel-model-and-shape',
        'layers=, hidden=, heads= and vocab= go with params=, not with a named model.',
        {
          example: '/parallel params=70b layers=80 hidden=8192 heads=64 gpus=64',
        },
      );
    }
    const { shape, notes } = shapeFromArchitecture(options.model.name, options.model.arch);
    return { shape, notes: [...modelNotes(options.model), ...notes], sources: [options.model.source] };
  }
  if (options.params === undefined) {
    throw new UserError('core/parallel-no-model', 'Name a model or give params= (e.g. params=70b).', {
      example: '/parallel params=70b gpus=64',
    });
  }
  const hints: { layers?: number; hidden?: number; heads?: number; vocab?: number } = {};
  if (options.layers !== undefined) hints.layers = options.layers;
  if (options.hidden !== undefined) hints.hidden = options.hidden;
  if (options.heads !== undefined) hints.heads = options.heads;
  if (options.vocab !== undefined) hints.vocab = options.vocab;
  const shape = shapeFromParams(options.params, hints);
  const notes = shape.derived
    ? [
        `Shape derived from the parameter count (GPT-like: ${shape.layers} layers, h = ${shape.hidden}, ${shape.heads} heads, vocabulary ${shape.vocab}); give layers=, hidden=, heads= to set it.`,
      ]
    : [];
  return { shape, notes, sources: [] };
}
