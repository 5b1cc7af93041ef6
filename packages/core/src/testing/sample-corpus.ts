import { type Corpus, createCorpus, type Question } from '@mlsys/corpus';

const base = {
  subtopic: 'basics',
  explanation:
    'Lewis et al. 2020 (RAG) retrieve passages with a dense retriever and condition generation on them.',
  source: 'Lewis et al. 2020, "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks", §2',
  tags: ['rag'],
};

/**
 * A few corpus questions (every kind the daily question posts) for core's tests. Topic `rag` has no
 * parametric generator, so a pool of these is exactly these.
 */
export const SAMPLE_CORPUS_QUESTIONS: readonly Question[] = [
  {
    ...base,
    id: 'rag-sample-retriever',
    topic: 'rag',
    difficulty: 2,
    kind: 'single',
    prompt: 'Which retriever does the original RAG paper use?',
    choices: [
      {
        text: 'DPR (dense passage retrieval)',
        correct: true,
        why: 'RAG initialises its retriever from DPR.',
      },
      { text: 'BM25 only', correct: false, why: 'BM25 is a baseline there, not the retriever.' },
      {
        text: 'A cross-encoder over the whole index',
        correct: false,
        why: 'Too slow for retrieval over 21M passages.',
      },
    ],
  },
  {
    ...base,
    id: 'rag-sample-frozen-index',
    topic: 'rag',
    difficulty: 3,
    kind: 'truefalse',
    prompt: 'In RAG fine-tuning, the document encoder (and so the index) is kept fixed.',
    answer: true,
  },
  {
    ...base,
    id: 'rag-sample-passages',
    topic: 'rag',
    difficulty: 3,
    kind: 'numeric',
    prompt: 'Into how many million 100-word passages is Wikipedia split for RAG?',
    answer: { value: 21, unit: 'million passages', tolerance: 0.05, partialTolerance: 0.2 },
  },
  {
    ...base,
    id: 'rag-sample-variants',
    topic: 'rag',
    difficulty: 4,
    kind: 'multi',
    prompt: 'Which are the two RAG variants of the paper?',
    choices: [
      { text: 'RAG-Sequence', correct: true, why: 'One document for the whole output sequence.' },
      { text: 'RAG-Token', correct: true, why: 'A different document may be used per token.' },
      { text: 'RAG-Batch', correct: false, why: 'Not a variant of the paper.' },
    ],
  },
];

/** A corpus of {@link SAMPLE_CORPUS_QUESTIONS}. */
export function sampleCorpus(): Corpus {
  return createCorpus(SAMPLE_CORPUS_QUESTIONS);
}
