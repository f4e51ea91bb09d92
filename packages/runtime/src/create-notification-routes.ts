import type { CurrentMember } from "@lotbridge/auth/current-member";
import { prefixedId } from "@lotbridge/contract/prefixed-id";
import { DomainError } from "@lotbridge/contract/problem";
import { singleLineText } from "@lotbridge/contract/text";
import type { Database } from "@lotbridge/db/database";
import type { RouteHandler, WrappedRoute } from "@lotbridge/http/create-route";
import { readJson, validate } from "@lotbridge/http/read-json";
import { createNotificationHub, type NotificationHub } from "@lotbridge/notifications/create-notification-hub";
import { emailPreferences } from "@lotbridge/notifications/email-preferences";
import { listNotifications } from "@lotbridge/notifications/list-notifications";
import { markRead } from "@lotbridge/notifications/mark-read";
import { notificationStream } from "@lotbridge/notifications/notification-stream";
import { notifyPeople } from "@lotbridge/notifications/notify-organization";
import { setEmailPreference } from "@lotbridge/notifications/set-email-preference";
import { unreadCount } from "@lotbridge/notifications/unread-count";
import { z } from "zod";
import { type NotificationType, testNotificationType } from "./notification-types";

export interface NotificationRoutesOptions {
  portal: () => { db: Database; config: { DATABASE_URL?: string; PUBLIC_URL: string } };
  requireMember: (request: Request) => Promise<CurrentMember>;
  route: <P = Record<string, string>>(handler: RouteHandler<P>) => WrappedRoute<P>;
  types: readonly NotificationType[];
  onHubError: (error: unknown) => void;
}

const listQuery = z.object({
  unread: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  type: singleLineText(100).optional(),
  before: prefixedId("ntf").optional(),
  limit: z.coerce
    .number({ error: "must be a whole number from 1 to 100" })
    .int({ error: "must be a whole number from 1 to 100" })
    .min(1, { error: "must be a whole number from 1 to 100" })
    .max(100, { error: "must be a whole number from 1 to 100" })
    .default(20),
});

const markReadBody = z.union(
  [z.object({ all: z.literal(true) }), z.object({ ids: z.array(prefixedId("ntf")).min(1).max(200) })],
  { error: 'send {"all": true} or {"ids": ["ntf_…"]}' },
);

/**
 * The notification center's HTTP side, the same in both portals: list and count, mark read, the live stream, email
 * preferences and a test notification. Every call is scoped to the signed-in person's membership (what they read and
 * set in an organization they have left stays there); no parameter names another person or membership.
 */
export function createNotificationRoutes(options: NotificationRoutesOptions) {
  const { route, requireMember, portal } = options;
  const types = [...options.types, testNotificationType];
  const known = new Map(types.map((t) => [t.type, t]));
  const hubKey = Symbol.for("lotbridge.notification-hub");
  const holder = globalThis as { [hubKey]?: NotificationHub };

  // One LISTEN connection per process, shared by every browser connected to it.
  function hub(): NotificationHub {
    holder[hubKey] ??= createNotificationHub({
      databaseUrl: portal().config.DATABASE_URL ?? "",
      onError: options.onHubError,
    });
    return holder[hubKey];
  }

  const list = route(async (request) => {
    const me = await requireMember(request);
    const query = validate(listQuery, Object.fromEntries(new URL(request.url).searchParams));
    const { db } = portal();
    const page = await listNotifications(db, me.memberId, {
      unreadOnly: query.unread === "true",
      type: query.type,
      before: query.before,
      limit: query.limit,
    });
    return Response.json({ ...page, unreadCount: await unreadCount(db, me.memberId) });
  });

  const read = route(async (request) => {
    const me = await requireMember(request);
    const body = await readJson(request, markReadBody);
    const { db } = portal();
    const marked = await markRead(db, me.memberId, "all" in body ? "all" : body.ids);
    return Response.json({ marked, unreadCount: await unreadCount(db, me.memberId) });
  });

  const stream = route(async (request) => {
    const me = await requireMember(request);
    const body = notificationStream({
      hub: hub(),
      db: portal().db,
      memberId: me.memberId,
      lastEventId: request.headers.get("last-event-id"),
      signal: request.signal,
    });
    return new Response(body, {
      headers: {
        "content-type": "text/event-stream",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
        connection: "keep-alive",
      },
    });
  });

  const preferences = route(async (request) => {
    const me = await requireMember(request);
    const defaults = Object.fromEntries(types.map((t) => [t.type, t.emailByDefault]));
    const choices = await emailPreferences(portal().db, me.memberId, [...known.keys()], defaults);
    return Response.json({
      data: choices.map((choice) => ({ ...choice, label: known.get(choice.type)?.label ?? choice.type })),
    });
  });

  const setPreference = route(async (request) => {
    const me = await requireMember(request);
    const body = await readJson(
      request,
      z.object({ type: z.string({ error: "is required" }), email: z.boolean({ error: "must be true or false" }) }),
    );
    if (!known.has(body.type)) {
      throw new DomainError("validation", 422, `type: there is no notification type ${body.type}.`, [
        { field: "type", message: "is not a notification type of this portal" },
      ]);
    }
    await setEmailPreference(portal().db, me.memberId, body.type, body.email);
    return Response.json(body);
  });

  const sendTest = route(async (request) => {
    const me = await requireMember(request);
    const { db, config } = portal();
    const [created] = await db.transaction((tx) =>
      notifyPeople(tx, config.PUBLIC_URL, [{ ...me }], {
        type: testNotificationType.type,
        title: "Test notification",
        body: `${me.name} asked for a test notification.`,
        link: "/notifications",
        emailByDefault: testNotificationType.emailByDefault,
      }),
    );
    return Response.json({ id: created?.id }, { status: 201 });
  });

  return { list, read, stream, preferences, setPreference, sendTest };
}
