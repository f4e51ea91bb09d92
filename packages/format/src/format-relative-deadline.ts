import { formatDuration } from "./format-duration";
import { toDate } from "./to-date";

/**
 * A deadline relative to `now`: "closes in 2 days 21 h", "closes in under a minute", "closed 3 h ago",
 * "closed just now". The verbs can be changed for other deadlines ("answer due in", "was due"). An unreadable
 * deadline gives "—".
 */
export function formatRelativeDeadline(
  deadline: string | Date | null | undefined,
  now: Date = new Date(),
  words: { future: string; past: string } = { future: "closes in", past: "closed" },
): string {
  const date = toDate(deadline);
  if (!date) return "—";
  const left = date.getTime() - now.getTime();
  if (left > 0) return `${words.future} ${formatDuration(left)}`;
  if (-left < 60_000) return `${words.past} just now`;
  return `${words.past} ${formatDuration(left)} ago`;
}
