CREATE TABLE "market_lot" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb,
	"commodity" text,
	"delivery_location" text,
	"volume" numeric(15, 3),
	"allocated_volume" numeric(15, 3),
	"delivery_start" date,
	"delivery_end" date,
	"bidding_deadline" timestamp with time zone,
	"published_at" timestamp with time zone,
	"search_text" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "market_lot_open_deadline_idx" ON "market_lot" USING btree ("bidding_deadline","id") WHERE "market_lot"."status" = 'published';--> statement-breakpoint
CREATE INDEX "market_lot_open_published_idx" ON "market_lot" USING btree ("published_at","id") WHERE "market_lot"."status" = 'published';