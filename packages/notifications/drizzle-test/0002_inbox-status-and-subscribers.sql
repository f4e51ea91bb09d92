ALTER TABLE "inbox_message" ADD COLUMN "status" text DEFAULT 'applied' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_message" ADD COLUMN "attempts" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_message" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "inbox_message" ADD COLUMN "envelope" jsonb;--> statement-breakpoint
ALTER TABLE "inbox_message" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_endpoint" ADD COLUMN "subscriber" text;--> statement-breakpoint
ALTER TABLE "webhook_endpoint" ADD COLUMN "event_types" text[];--> statement-breakpoint
ALTER TABLE "webhook_endpoint" ADD COLUMN "failing_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_endpoint" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "inbox_message_unapplied_idx" ON "inbox_message" USING btree ("status","updated_at") WHERE "inbox_message"."status" in ('failed', 'refused');--> statement-breakpoint
ALTER TABLE "inbox_message" ADD CONSTRAINT "inbox_message_status_check" CHECK ("inbox_message"."status" in ('applied', 'ignored', 'failed', 'refused'));