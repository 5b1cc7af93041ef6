/**
 * How a quiz is played, fixed when its lobby opens and stored with it.
 * Times are milliseconds.
 */
export interface QuizSettings {
  /** Topic ids; empty means any topic. */
  topics: string[];
  /** Inclusive difficulty range, 1…5. */
  difficulty: { min: number; max: number };
  /** Rounds to play (fewer when the corpus has fewer matching questions). */
  rounds: number;
  /** Time a round stays open, ms. */
  roundMs: number;
  /** Pause between a round's results and the next question, ms. */
  gapMs: number;
  /** Time an unstarted lobby waits before it expires, ms. */
  lobbyMs: number;
  /** 0 for free-for-all, else 2…4 teams. */
  teams: number;
  /** `auto`: balanced by rating at the start; `chosen`: players pick, the rest are balanced. */
  teamPick: 'auto' | 'chosen';
  /** Faster correct answers earn more (Kahoot); off: every correct answer earns 1000. */
  speedScoring: boolean;
  /** +100 per consecutive correct answer from the 2nd, capped at +500 (Kahoot). */
  streakBonus: boolean;
  /** Close a round as soon as every player has answered. */
  closeWhenAllAnswered: boolean;
}

/** Bounds of the settings users may choose. */
export const QUIZ_LIMITS = {
  rounds: { min: 1, max: 20 },
  /** Seconds per round. */
  seconds: { min: 5, max: 120 },
  teams: { min: 2, max: 4 },
} as const;

/**
 * Defaults: 5 rounds of 20 s, 5 s between rounds, lobbies expire after 10 minutes, free-for-all,
 * speed points and streak bonus on, rounds close early once everyone answered.
 */
export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  topics: [],
  difficulty: { min: 1, max: 5 },
  rounds: 5,
  roundMs: 20_000,
  gapMs: 5_000,
  lobbyMs: 10 * 60_000,
  teams: 0,
  teamPick: 'auto',
  speedScoring: true,
  streakBonus: true,
  closeWhenAllAnswered: true,
};
