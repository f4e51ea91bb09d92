DROP INDEX "notification_recipient_created_idx";--> statement-breakpoint
DROP INDEX "notification_unread_idx";--> statement-breakpoint
ALTER TABLE "notification_preference" DROP CONSTRAINT "notification_preference_user_id_type_pk";--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD COLUMN "address" text NOT NULL;--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD COLUMN "member_id" text;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "member_id" text;--> statement-breakpoint
ALTER TABLE "notification_preference" ADD COLUMN "member_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preference" DROP COLUMN "user_id";--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_member_id_type_pk" PRIMARY KEY("member_id","type");--> statement-breakpoint
CREATE INDEX "dev_mailbox_member_idx" ON "dev_mailbox" USING btree ("member_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notification_member_created_idx" ON "notification" USING btree ("member_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notification_member_unread_idx" ON "notification" USING btree ("member_id","created_at" DESC NULLS FIRST) WHERE "notification"."read_at" is null;
