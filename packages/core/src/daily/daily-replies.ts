import type { PresentedQuestion } from '@mlsys/corpus';
import type { DailyAnswerRecord, DailyPostRecord, DailyTotals } from '../ports/store-daily.js';
import { questionReply, questionRevealReply } from '../questions/question-reply.js';
import { openQuestionData } from '../questions/question-secrecy.js';
import type { Block, Reply } from '../reply/reply.js';
import { toDailyButtons } from './daily-actions.js';

/** `3 h 05 min`, `4 min 12 s`, `9 s`. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/**
 * The daily question as posted: the question with daily answer buttons, and when the answer comes.
 * Its data holds no answer (the channel sees that at the reveal).
 */
export function dailyQuestionReply(
  post: DailyPostRecord,
  presented: PresentedQuestion,
  revealAfterMs: number,
): Reply {
  const reply = toDailyButtons(questionReply(presented, { title: 'Daily question' }), post.id);
  reply.blocks.push({
    type: 'context',
    text: `One answer each · the answer, how the channel did and the fastest right answer come in ${duration(revealAfterMs)}.`,
  });
  return { ...reply, data: { ...openQuestionData(reply.data), postId: post.id, localDate: post.localDate } };
}

/** How a daily question went. */
export interface DailyResult {
  answered: number;
  right: number;
  /** Share of answers with full credit, 0…1 (0 without answers). */
  share: number;
  fastest: { userId: string; name: string; ms: number } | undefined;
}

/** Tallies the answers of a post; `nameOf` gives display names. */
export function dailyResult(
  post: DailyPostRecord,
  answers: readonly DailyAnswerRecord[],
  nameOf: (userId: string) => string,
): DailyResult {
  const right = answers.filter((a) => a.credit === 1);
  const start = post.postedAt ?? post.claimedAt;
  const first = [...right].sort((a, b) => a.answeredAt - b.answeredAt || (a.userId < b.userId ? -1 : 1))[0];
  return {
    answered: answers.length,
    right: right.length,
    share: answers.length === 0 ? 0 : right.length / answers.length,
    fastest: first && { userId: first.userId, name: nameOf(first.userId), ms: first.answeredAt - start },
  };
}

/** The reveal: the answer with its explanation, then how the channel did. */
export function dailyRevealReply(
  post: DailyPostRecord,
  presented: PresentedQuestion,
  result: DailyResult,
): Reply {
  const reveal = questionRevealReply(presented, { title: 'Daily answer' });
  const pct = Math.round(result.share * 100);
  const line =
    result.answered === 0
      ? 'Nobody answered this one.'
      : `**${result.right} of ${result.answered}** answered right (${pct}%).${
          result.fastest
            ? ` Fastest right answer: **${result.fastest.name}** after ${duration(result.fastest.ms)}.`
            : ''
        }`;
  reveal.blocks.splice(1, 0, { type: 'text', text: line });
  reveal.fallbackText = `${line.replaceAll('**', '')}\n${reveal.fallbackText}`;
  return {
    ...reveal,
    data: {
      ...(reveal.data as object),
      postId: post.id,
      localDate: post.localDate,
      answered: result.answered,
      right: result.right,
      percentRight: pct,
      fastest: result.fastest ?? null,
    },
  };
}

/** The original post once answers closed: the question without buttons. */
export function dailyClosedReply(presented: PresentedQuestion): Reply {
  const reply = questionReply(presented, { title: 'Daily question' });
  const blocks: Block[] = reply.blocks.filter((b) => b.type !== 'actions');
  blocks.push({ type: 'context', text: 'Answers are closed: the answer is posted below.' });
  return { ...reply, blocks, data: openQuestionData(reply.data) };
}

/** A leaderboard table: rank, player, right answers, answered. */
export function leaderboardReply(
  title: string,
  subtitle: string,
  totals: readonly DailyTotals[],
  nameOf: (userId: string) => string,
  visibility: Reply['visibility'] = 'public',
): Reply {
  const rows = totals.map((t, i) => [
    String(i + 1),
    nameOf(t.userId),
    formatCredit(t.credit),
    String(t.answered),
  ]);
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: subtitle },
  ];
  if (rows.length === 0) blocks.push({ type: 'text', text: 'No answers yet.' });
  else {
    blocks.push({
      type: 'table',
      columns: [
        { title: '#', align: 'right' },
        { title: 'Player' },
        { title: 'Right', align: 'right' },
        { title: 'Answered', align: 'right' },
      ],
      rows,
    });
  }
  return {
    visibility,
    blocks,
    fallbackText: `${title}: ${rows.map((r) => `${r[0]}. ${r[1]} ${r[2]}`).join(', ') || 'no answers yet'}`,
    data: {
      title,
      ranking: totals.map((t, i) => ({
        rank: i + 1,
        userId: t.userId,
        player: nameOf(t.userId),
        right: t.credit,
        answered: t.answered,
      })),
    },
  };
}

/** Credits with halves: `3`, `2.5`. */
const formatCredit = (credit: number) => (Number.isInteger(credit) ? String(credit) : credit.toFixed(1));
