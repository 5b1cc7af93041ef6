/**
 * @module @mlsys/core
 * Everything the bots do, independent of Slack and Discord: command specs, the neutral `Reply`,
 * the router (the one error boundary), and the ports that platforms and stores implement.
 */

export { allCommands } from './commands/all-commands.js';
export { botActions } from './commands/bot/index.js';
export {
  type AnyCommand,
  type CommandContext,
  type CommandGroupSpec,
  type CommandSpec,
  defineCommand,
  defineCommandGroup,
} from './commands/define-command.js';
export type { Caller, Invocation, Platform } from './commands/invocation.js';
export {
  type CompletionSource,
  type InputOf,
  type OptionKind,
  type OptionMap,
  type OptionSpec,
  type OptionValue,
  option,
} from './commands/option.js';
export { parseInput, type ResolvedCommand, resolveCommand } from './commands/parse-input.js';
export { type ArgumentWords, MAX_ARGUMENT_TEXT, tokenizeArgs } from './commands/tokenize-args.js';
export { usageOf } from './commands/usage.js';
export { type AgreementResult, checkCalculatorAgreement } from './corpus-checks/calculator-agreement.js';
export { DAILY_ACTIONS } from './daily/daily-actions.js';
export { submitDailyAnswer } from './daily/daily-answer.js';
export {
  addDays,
  instantOfLocal,
  isoWeekday,
  type LocalDate,
  localDateOf,
  localTimeOf,
  mondayOf,
  parseTimeOfDay,
  parseTimeZone,
} from './daily/local-time.js';
export { type DailyPool, pickDailyQuestion, poolKeys } from './daily/pick-question.js';
export {
  DEFAULT_REVEAL_AFTER_MS,
  describeWeekdays,
  nextOccurrenceAfter,
  type Occurrence,
  occurrenceOnOrAfter,
  parseWeekdays,
  STALE_CLAIM_MS,
} from './daily/schedule.js';
export {
  createDailyScheduler,
  type DailyScheduler,
  type DailySchedulerOptions,
  type DailyTickResult,
  dailyRandom,
} from './daily/scheduler.js';
export { dailyStreak } from './daily/streaks.js';
export { type DailySettings, skipNextPost, subscribeChannel, upcomingPost } from './daily/subscriptions.js';
export type {
  KernelImplementationResult,
  KernelMemoryNote,
  KernelRunner,
  KernelRunRequest,
  KernelRunResult,
} from './ports/kernel-runner.js';
export { createManualClock, type ManualClock } from './ports/manual-clock.js';
export type { ChannelRef, MessageRef, Messenger, PostOptions } from './ports/messenger.js';
export {
  createRecordingMessenger,
  type RecordingMessenger,
  type SentMessage,
} from './ports/messenger-recording.js';
export type {
  NumericAnswer,
  QuestionRequest,
  QuestionSource,
  QuizChoice,
  QuizQuestion,
} from './ports/question-source.js';
export { createSeededRandom, randomInt, shuffled } from './ports/seeded-random.js';
export { type Clock, type Random, type Services, systemClock, systemRandom } from './ports/services.js';
export type { Store } from './ports/store.js';
export type {
  DailyAnswerRecord,
  DailyAnswerRejection,
  DailyClaim,
  DailyPostKind,
  DailyPostRecord,
  DailyPostStatus,
  DailyStore,
  DailySubscription,
  DailyTotals,
} from './ports/store-daily.js';
export {
  ACTIVE_QUIZ_PHASES,
  type AnswerRecord,
  type AnswerRejection,
  type NewAnswer,
  type NewQuiz,
  type PlayerRecord,
  type QuizChange,
  type QuizPhase,
  type QuizRecord,
  type QuizStore,
  type RoundRecord,
  type SubmitResult,
} from './ports/store-quiz.js';
export type {
  AttemptRecord,
  RatingStore,
  RatingSubject,
  RatingUpdate,
  StoredRating,
  TopicAccuracy,
} from './ports/store-ratings.js';
export type { ReviewCardRecord, ReviewStore } from './ports/store-review.js';
export { type ChannelRecord, DEFAULT_RATING, type UserRecord, type UserStore } from './ports/store-users.js';
export {
  type GradedAnswer,
  gradeChoice,
  gradeTyped,
  presentedInOrder,
} from './questions/answer-grading.js';
export { createCorpusQuestionSource, toQuizQuestion } from './questions/corpus-question-source.js';
export {
  choiceValue,
  optionLetter,
  parseQuestionValue,
  QUESTION_ACTIONS,
  typedValue,
} from './questions/question-actions.js';
export { type QuestionData, questionData } from './questions/question-data.js';
export {
  findQuestion,
  freshQuestion,
  generatorOf,
  isParametricKey,
  questionKeyOf,
} from './questions/question-lookup.js';
export { type QuestionReplyOptions, questionReply, questionRevealReply } from './questions/question-reply.js';
export { parseActionValue, QUIZ_ACTIONS, toActionValue } from './quiz/action-values.js';
export { createQuizEngine, type QuizEngine, type QuizUser, type QuizView } from './quiz/engine.js';
export type { QuizEngineOptions } from './quiz/engine-context.js';
export { type Credit, gradeAnswer, parseNumber } from './quiz/grade-answer.js';
export { createListQuestionSource, drawQuestions } from './quiz/question-list-source.js';
export { DEFAULT_QUIZ_SETTINGS, QUIZ_LIMITS, type QuizSettings } from './quiz/quiz-settings.js';
export { PODIUM_SIZE } from './quiz/replies/final-reply.js';
export { type PlayerRoundResult, type RoundOutcome, scoreRound } from './quiz/score-round.js';
export {
  FULL_POINTS,
  FULL_POINTS_WITHIN_MS,
  STREAK_CAP,
  STREAK_STEP,
  speedPoints,
  streakBonus,
} from './quiz/scoring.js';
export { playerStandings, type Standing, type TeamStanding, teamStandings } from './quiz/standings.js';
export { balanceTeams, TEAM_NAMES, teamName } from './quiz/teams.js';
export {
  closestToTarget,
  DIFFICULTY_SHIFTS,
  parseRelativeDifficulty,
  RELATIVE_DIFFICULTIES,
  type RelativeDifficulty,
  targetRating,
  teamRating,
} from './ratings/difficulty-picker.js';
export {
  expectedScore,
  GLICKO2_SCALE,
  type Glicko,
  type GlickoGame,
  glicko2Update,
} from './ratings/glicko2.js';
export { LICHESS_GLICKO, NEW_RATING, type RatingState, rateGame } from './ratings/lichess-rating.js';
export { questionPrior } from './ratings/question-prior.js';
export { type AttemptInput, type AttemptOutcome, rateAttempt } from './ratings/rate-attempt.js';
export { type MarkupToken, markupToPlain, parseMarkup } from './render/markup.js';
export { replyToPlainText, tableToPlainText } from './render/plain-text.js';
export type * from './reply/chart.js';
export type * from './reply/reply.js';
export {
  isLearning,
  newCard,
  reviewCard,
  reviewGrade,
  SLOW_FRACTION,
  type StoredCard,
} from './review/fsrs-cards.js';
export { type ReviewInput, type ReviewOutcome, recordReview } from './review/review-answer.js';
export {
  type ActionContext,
  type ActionInvocation,
  type ActionSpec,
  defineAction,
} from './router/actions.js';
export { errorReply, incidentReply } from './router/error-replies.js';
export {
  type BucketLimit,
  createRateLimiter,
  DEFAULT_RATE_LIMITS,
  type RateKey,
  type RateLimiter,
  type RateLimits,
  type RateVerdict,
} from './router/rate-limiter.js';
export {
  createRouter,
  type Dispatched,
  type Logger,
  type Router,
  type RouterOptions,
} from './router/router.js';
export { percentile } from './stats/percentile.js';
