import type { Actor } from "./create-draft-lot";

/** Who changes a lot, and what a change needs besides: links in notifications are built from `publicUrl`. */
export interface LotChange {
  actor: Actor;
  publicUrl: string;
  now?: Date;
}
