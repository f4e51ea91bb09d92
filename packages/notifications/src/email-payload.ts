/** An outbox message of kind "email": what `notify` enqueues and `emailTransport` sends. */
export interface EmailPayload {
  to: string | { name: string; address: string };
  /** The recipient's membership, for the development mailbox to show the mail to it alone; never sent. */
  memberId?: string;
  subject: string;
  text: string;
  html: string;
}

// Line breaks in an address would let a name or address smuggle extra headers into the message.
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** The payload, checked: a stored message may predate a change of shape or come from another enqueuer. */
export function readEmailPayload(payload: unknown): EmailPayload | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const { to, memberId, subject, text, html } = payload as Record<string, unknown>;
  if (typeof subject !== "string" || typeof text !== "string" || typeof html !== "string") return undefined;
  const owner = typeof memberId === "string" ? { memberId } : {};
  if (typeof to === "string") return ADDRESS.test(to) ? { to, ...owner, subject, text, html } : undefined;
  if (typeof to !== "object" || to === null) return undefined;
  const { name, address } = to as Record<string, unknown>;
  if (typeof name !== "string" || typeof address !== "string" || !ADDRESS.test(address)) return undefined;
  return { to: { name: name.replace(/[\r\n]+/g, " "), address }, ...owner, subject, text, html };
}
