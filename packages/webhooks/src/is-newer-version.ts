/**
 * Whether an incoming object snapshot should replace the one held. Webhooks may arrive out of order (a retry
 * overtaken by a later event); comparing versions makes the last writer the newest, not the last to arrive.
 */
export function isNewerVersion(current: number | null | undefined, incoming: number): boolean {
  return current === undefined || current === null || incoming > current;
}
