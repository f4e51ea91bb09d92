CREATE TABLE "producer_platform" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "producer_platform_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "bid" ALTER COLUMN "price_per_unit" SET DATA TYPE numeric(15, 4);--> statement-breakpoint
ALTER TABLE "offer" ALTER COLUMN "price_per_unit" SET DATA TYPE numeric(15, 4);--> statement-breakpoint
ALTER TABLE "contract" ALTER COLUMN "price_per_unit" SET DATA TYPE numeric(15, 4);--> statement-breakpoint
ALTER TABLE "api_key" ALTER COLUMN "platform" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lot" ALTER COLUMN "target_price" SET DATA TYPE numeric(15, 4);--> statement-breakpoint
ALTER TABLE "inbox_message" ADD COLUMN "status" text DEFAULT 'applied' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_message" ADD COLUMN "attempts" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_message" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "inbox_message" ADD COLUMN "envelope" jsonb;--> statement-breakpoint
ALTER TABLE "inbox_message" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_endpoint" ADD COLUMN "subscriber" text;--> statement-breakpoint
ALTER TABLE "webhook_endpoint" ADD COLUMN "event_types" text[];--> statement-breakpoint
ALTER TABLE "webhook_endpoint" ADD COLUMN "failing_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_endpoint" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "api_key" ADD COLUMN "organization_id" text;--> statement-breakpoint
ALTER TABLE "integration_event" ADD COLUMN "platform" text;--> statement-breakpoint
-- Every platform named on a key so far becomes a subscriber record; the first platform always exists.
INSERT INTO "producer_platform" ("id", "name") VALUES ('producer-portal', 'producer-portal') ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "producer_platform" ("id", "name") SELECT DISTINCT "platform", "platform" FROM "api_key" WHERE "platform" IS NOT NULL ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "producer_platform" ("id", "name") SELECT DISTINCT "producer_platform", "producer_platform" FROM "bid" ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "webhook_endpoint" SET "subscriber" = 'producer-portal' WHERE "id" = 'producer-portal';--> statement-breakpoint
-- Past bid and contract events belong to the platform of their bid; lot events stay visible to every platform.
UPDATE "integration_event" e SET "platform" = b."producer_platform" FROM "bid" b WHERE e."type" LIKE 'bid.%' AND b."id" = e."envelope"->'data'->>'id';--> statement-breakpoint
UPDATE "integration_event" e SET "platform" = b."producer_platform" FROM "bid" b WHERE e."type" LIKE 'contract.%' AND b."id" = e."envelope"->'data'->>'bidId';--> statement-breakpoint
ALTER TABLE "producer_platform" ADD CONSTRAINT "producer_platform_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid" ADD CONSTRAINT "bid_producer_platform_producer_platform_id_fk" FOREIGN KEY ("producer_platform") REFERENCES "public"."producer_platform"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_platform_producer_platform_id_fk" FOREIGN KEY ("platform") REFERENCES "public"."producer_platform"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_event" ADD CONSTRAINT "integration_event_platform_producer_platform_id_fk" FOREIGN KEY ("platform") REFERENCES "public"."producer_platform"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_message_unapplied_idx" ON "inbox_message" USING btree ("status","updated_at") WHERE "inbox_message"."status" in ('failed', 'refused');--> statement-breakpoint
CREATE INDEX "api_key_organization_idx" ON "api_key" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "integration_event_platform_seq_idx" ON "integration_event" USING btree ("platform","seq");--> statement-breakpoint
ALTER TABLE "inbox_message" ADD CONSTRAINT "inbox_message_status_check" CHECK ("inbox_message"."status" in ('applied', 'ignored', 'failed', 'refused'));--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_one_owner" CHECK (("api_key"."platform" is null) <> ("api_key"."organization_id" is null));