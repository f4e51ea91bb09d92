/**
 * A zod error message for one field: "is required" when the field is missing, otherwise `message`.
 * The HTTP layer prefixes the field's path, so messages read "volume: is required".
 */
export function fieldError(message: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message);
}
