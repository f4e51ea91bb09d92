import { z } from "zod";
import { type EventData, type EventType, eventCatalog, eventTypes } from "./event-catalog";
import { timestamp } from "./iso-time";
import { prefixedId } from "./prefixed-id";

/** The shape of every event snapshot; a receiver can tell from `apiVersion` which shape it is reading. */
export const API_VERSION = "2026-11-01";

export type EventEnvelope<T extends EventType = EventType> = {
  [K in T]: { id: string; type: K; createdAt: string; apiVersion: string; data: EventData<K> };
}[T];

/** "bid.counter_offer" → "BidCounterOfferEvent", the envelope's OpenAPI component name. */
export function eventComponentName(type: EventType): string {
  const words = type.split(/[._]/).map((word) => word[0].toUpperCase() + word.slice(1));
  return `${words.join("")}Event`;
}

function envelopeOf<T extends EventType>(type: T) {
  const { data, description } = eventCatalog[type];
  return z
    .object({
      id: prefixedId("evt").describe("Unique event id; the same on every delivery attempt, so dedupe by it"),
      type: z.literal(type),
      createdAt: timestamp().describe("When the change happened"),
      apiVersion: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be an API version like 2026-11-01" })
        .describe(`Version of the payload shape; currently ${API_VERSION}`),
      data: data as (typeof eventCatalog)[T]["data"],
    })
    .meta({ id: eventComponentName(type), description });
}

const envelopes = eventTypes.map((type) => envelopeOf(type));

/** The envelope of each event type, for validating one kind of event or documenting it. */
export const eventEnvelopeSchemas = Object.fromEntries(
  eventTypes.map((type, i) => [type, envelopes[i]]),
) as unknown as {
  [K in EventType]: z.ZodType<EventEnvelope<K>>;
};

const typeMessage = `must be one of the event types ${eventTypes.join(", ")}`;

/** Any event, told apart by `type`. */
export const eventEnvelopeSchema = z
  .discriminatedUnion("type", envelopes as [(typeof envelopes)[number], ...(typeof envelopes)[number][]], {
    error: (issue) =>
      issue.code === "invalid_union"
        ? typeMessage
        : "must be an event object with id, type, createdAt, apiVersion and data",
  })
  .meta({
    id: "EventEnvelope",
    description: "Every webhook body and events-feed entry: an id, a type, a time, an API version and a full snapshot",
  }) as unknown as z.ZodType<EventEnvelope>;

/**
 * Validates a received event by its `type`: on success `event.type` narrows `event.data` to that type's snapshot;
 * on failure every issue names the offending field (`data.pricePerUnit`, `type`, ...).
 */
export function parseEvent(value: unknown): z.ZodSafeParseResult<EventEnvelope> {
  return eventEnvelopeSchema.safeParse(value);
}
