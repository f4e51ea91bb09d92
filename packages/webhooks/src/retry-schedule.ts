const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delay before each attempt: eight attempts over about 28 hours (up to 33 with the full +20 % jitter). */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

// A receiver may ask for a pause, but a malformed or hostile Retry-After must not park a message for weeks.
const LONGEST_RETRY_AFTER = 24 * HOUR;

export interface RetryPlan {
  schedule: readonly number[];
  /** Multiplies every step: 0.001 turns hours into seconds for tests. */
  scale: number;
}

/**
 * Milliseconds to wait after `attemptsMade` attempts have failed, or undefined when the schedule is exhausted.
 * Jitter of ±20 % keeps many messages failing together from retrying together. A Retry-After is honoured as a floor.
 */
export function retryDelay(attemptsMade: number, plan: RetryPlan, retryAfterMs?: number): number | undefined {
  if (attemptsMade >= plan.schedule.length) return undefined;
  const planned = plan.schedule[attemptsMade] * plan.scale * (0.8 + Math.random() * 0.4);
  const asked = Math.min(retryAfterMs ?? 0, LONGEST_RETRY_AFTER);
  return Math.round(Math.max(planned, asked));
}
