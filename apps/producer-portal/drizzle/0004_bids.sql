CREATE TABLE "producer_bid" (
	"id" text PRIMARY KEY NOT NULL,
	"lot_id" text NOT NULL,
	"lot_number" text NOT NULL,
	"lot_title" text NOT NULL,
	"unit" text NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text NOT NULL,
	"volume" numeric(15, 3) NOT NULL,
	"price_per_unit" numeric(15, 4) NOT NULL,
	"currency" text NOT NULL,
	"delivery_terms" text NOT NULL,
	"message" text NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"buyer_bid_id" text,
	"refusal_reason" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "producer_bid_org_created_idx" ON "producer_bid" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "producer_bid_buyer_bid_id_idx" ON "producer_bid" USING btree ("buyer_bid_id");