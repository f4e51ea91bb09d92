/**
 * The largest webhook body the receiver reads; a longer one is refused with 413 before its signature is checked.
 * Lot and contract snapshots have bounded text (a lot at most 10,940 characters), so their events stay under 100 kB
 * even if every character were a six-byte JSON escape. A bid event carries its whole negotiation thread, about 4.3 kB
 * per round with every text field full (12 kB in a script of three-byte characters): 16 MB holds over 1,300 such
 * rounds, far more than any negotiation has, and bounds what a sender without the secret can make this portal hold.
 */
export const WEBHOOK_BODY_LIMIT = 16_000_000;
