import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Says the demo story was played (or deliberately not played) on the database whose demo buyer organization has this
 * id. Keyed by the organization, so a new database — a new seed, a new id — gets its story, and a restart does not.
 * `playedAt` is null when the story was skipped because the data already had bids.
 */
export interface DemoMarker {
  buyerOrganizationId: string;
  playedAt: string | null;
}

export function readDemoMarker(file: string): DemoMarker | undefined {
  try {
    const marker = JSON.parse(readFileSync(file, "utf8")) as Partial<DemoMarker>;
    return typeof marker.buyerOrganizationId === "string"
      ? { buyerOrganizationId: marker.buyerOrganizationId, playedAt: marker.playedAt ?? null }
      : undefined;
  } catch {
    // Missing or unreadable: as if never played; the bids check still keeps older data from being replayed.
    return undefined;
  }
}

export function writeDemoMarker(file: string, marker: DemoMarker): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(marker, null, 2)}\n`);
}
