/**
 * A span of time, rounded down to what a person needs: "2 days 21 h", "3 h 15 min", "45 min", "under a minute".
 * Rounded down so that a countdown never promises time that is not there.
 */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  if (minutes < 1) return "under a minute";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} day${days === 1 ? "" : "s"}${hours ? ` ${hours} h` : ""}`;
  if (hours > 0) return `${hours} h${rest ? ` ${rest} min` : ""}`;
  return `${rest} min`;
}
