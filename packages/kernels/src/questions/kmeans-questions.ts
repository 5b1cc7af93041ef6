/**
 * Classic-ML questions computed with the k-means reference.
 *
 * @module
 */

import type { Question } from '@mlsys/corpus';
import { kmeansStep } from '../kernels/kmeans/kmeans-reference.js';
import {
  createQuestionRandom,
  defineQuestionGenerator,
  fmt,
  fmtList,
  generatedQuestionId,
} from './question-generator.js';

/** "1-D points, two centroids: where is centroid A after one k-means step?" (numeric). */
export const kmeansStepQuestion = defineQuestionGenerator({
  id: 'kmeans-step',
  topic: 'classic-ml',
  description: 'Where a centroid moves after one k-means (Lloyd) step on 1-D points',
  generate(seed): Question {
    const random = createQuestionRandom(seed);
    let points: number[] = [];
    let centroids: number[] = [];
    let step: ReturnType<typeof kmeansStep>;
    // draw until no point is equidistant from both centroids and neither cluster is empty
    for (;;) {
      points = random.shuffle(Array.from({ length: 20 }, (_, i) => i + 1)).slice(0, random.integer(5, 7));
      const a = random.integer(1, 12);
      centroids = [a, a + random.integer(3, 8)];
      step = kmeansStep(points, centroids, { n: points.length, dim: 1, k: 2 });
      const tie = points.some((x) => Math.abs(x - centroids[0]!) === Math.abs(x - centroids[1]!));
      if (!tie && step.counts[0]! > 0 && step.counts[1]! > 0) break;
    }
    const which = random.integer(0, 1);
    const name = ['A', 'B'][which]!;
    const members = points.filter((_, i) => step.assignment[i] === which);
    const value = step.centroids[which]!;
    return {
      id: generatedQuestionId('classic-ml', 'kmeans-step', seed),
      topic: 'classic-ml',
      subtopic: 'k-means',
      difficulty: 2,
      kind: 'numeric',
      prompt: `k-means on the 1-D points ${fmtList(points)} with k = 2 starts from centroids **A = ${centroids[0]}** and **B = ${centroids[1]}**. After ONE iteration of Lloyd's algorithm (assign every point to the nearest centroid, then move each centroid to the mean of its points), where is centroid **${name}**?`,
      answer: {
        value: Number(value.toFixed(4)),
        unit: 'dimensionless',
        tolerance: 0.005,
        partialTolerance: 0.05,
      },
      explanation: `Midpoint between A and B: ${fmt((centroids[0]! + centroids[1]!) / 2)}; points below it go to A, above it to B. ${name} gets ${fmtList(members)}, whose mean is ${fmt(members.reduce((s, x) => s + x, 0))}/${members.length} = ${fmt(value)}. Each step can only lower the sum of squared distances, so Lloyd's algorithm converges, but to a local optimum that depends on the start (hence k-means++ seeding).`,
      source:
        'Lloyd 1982, Least squares quantization in PCM; Arthur & Vassilvitskii 2007, k-means++; computed by @mlsys/kernels kmeansStep',
      tags: ['k-means', 'clustering', 'generated'],
      trap: 'Averaging the old centroid into the new mean.',
    };
  },
});
