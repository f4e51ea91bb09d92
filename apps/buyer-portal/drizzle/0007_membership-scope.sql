-- Notifications, email preferences and the development mailbox belong to a membership (one person in one
-- organization), no longer to a user: a membership that ended matches nothing, whoever is given the email later.
DROP INDEX "notification_recipient_created_idx";--> statement-breakpoint
DROP INDEX "notification_unread_idx";--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "member_id" text;--> statement-breakpoint
-- The recipient's membership of the notification's organization that existed when it was written. A membership that
-- has ended since (removed, perhaps re-admitted later as a new one) leaves null: nobody reads that row again.
UPDATE "notification" SET "member_id" = (
  SELECT "member"."id" FROM "member"
  WHERE "member"."user_id" = "notification"."recipient_user_id"
    AND "member"."organization_id" = "notification"."organization_id"
    AND "member"."created_at" <= "notification"."created_at"
  ORDER BY "member"."created_at" DESC LIMIT 1
);--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD COLUMN "member_id" text;--> statement-breakpoint
-- The bare address of `Name <address>` (or of a bare address), lower case.
UPDATE "dev_mailbox" SET "address" = lower(coalesce(substring("to" from '<([^<>]+)>$'), "to"));--> statement-breakpoint
-- Mail belongs to the membership its address had when it was kept; mail of an ended membership to no one.
UPDATE "dev_mailbox" SET "member_id" = (
  SELECT "member"."id" FROM "member" JOIN "user" ON "user"."id" = "member"."user_id"
  WHERE "user"."email" = "dev_mailbox"."address" AND "member"."created_at" <= "dev_mailbox"."created_at"
  ORDER BY "member"."created_at" DESC LIMIT 1
);--> statement-breakpoint
ALTER TABLE "dev_mailbox" ALTER COLUMN "address" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preference" DROP CONSTRAINT "notification_preference_user_id_type_pk";--> statement-breakpoint
ALTER TABLE "notification_preference" ADD COLUMN "member_id" text;--> statement-breakpoint
-- Preferences carry no time, so only those of a user still in the membership their account began with can be told
-- apart (user and first membership are written in one transaction: same created_at). The choices of anyone removed,
-- or re-admitted since, may be an ended membership's: they go, and that person starts from the defaults.
UPDATE "notification_preference" SET "member_id" = "member"."id"
FROM "member" JOIN "user" ON "user"."id" = "member"."user_id"
WHERE "member"."user_id" = "notification_preference"."user_id" AND "member"."created_at" = "user"."created_at";--> statement-breakpoint
DELETE FROM "notification_preference" WHERE "member_id" IS NULL;--> statement-breakpoint
ALTER TABLE "notification_preference" ALTER COLUMN "member_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preference" DROP COLUMN "user_id";--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_member_id_type_pk" PRIMARY KEY("member_id","type");--> statement-breakpoint
CREATE INDEX "dev_mailbox_member_idx" ON "dev_mailbox" USING btree ("member_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notification_member_created_idx" ON "notification" USING btree ("member_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notification_member_unread_idx" ON "notification" USING btree ("member_id","created_at" DESC NULLS FIRST) WHERE "notification"."read_at" is null;
