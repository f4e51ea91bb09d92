/**
 * Who records a weighbridge ticket or its correction: a member of the contract's buyer organization (`userId`) or
 * that organization's key with `deliveries:write` (`userId` null, `name` the key's). The organization is the
 * credential's own, never one named in the request.
 */
export interface TicketWriter {
  organizationId: string;
  name: string;
  userId: string | null;
}
