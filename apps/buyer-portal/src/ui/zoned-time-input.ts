const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The wall-clock reading of `at` in `timeZone`, as milliseconds of a UTC date with the same fields. */
function wallClockOf(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
}

/**
 * The value of a datetime-local input ("2026-12-01T10:40") showing `iso` in `timeZone`: what a person in that zone
 * reads on their clock. The inverse of zonedInputToIso.
 */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  return new Date(wallClockOf(at, timeZone)).toISOString().slice(0, 16);
}

/**
 * A datetime-local input's value read as a time on the clocks of `timeZone` → the UTC instant ("…Z"). The page names
 * the zone beside the input; the server's viewer zone, not the browser's, so what the page says is what is sent.
 * A value that is not a full wall time goes back as typed, for the API to name. A time the clocks repeat when summer
 * time ends reads as the second (standard-time) one; a time they skip when it starts reads an hour later.
 */
export function zonedInputToIso(value: string, timeZone: string): string {
  const match = WALL_TIME.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute] = match.map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at a first guess, then at the instant that guess gives: right on both sides of a change.
  let guess = wall - (wallClockOf(new Date(wall), timeZone) - wall);
  guess = wall - (wallClockOf(new Date(guess), timeZone) - guess);
  return new Date(guess).toISOString();
}
