CREATE TABLE "bid" (
	"id" text PRIMARY KEY NOT NULL,
	"lot_id" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"source" text DEFAULT 'producer-portal' NOT NULL,
	"external_bid_id" text NOT NULL,
	"producer_platform" text NOT NULL,
	"bidder_organization_id" text NOT NULL,
	"bidder_organization_name" text NOT NULL,
	"bidder_name" text NOT NULL,
	"bidder_email" text NOT NULL,
	"volume" numeric(15, 3) NOT NULL,
	"price_per_unit" numeric(16, 4) NOT NULL,
	"currency" text NOT NULL,
	"delivery_terms" text DEFAULT '' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"rejection_reason" text,
	"api_key_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_volume_positive" CHECK ("bid"."volume" > 0),
	CONSTRAINT "bid_price_positive" CHECK ("bid"."price_per_unit" > 0)
);
--> statement-breakpoint
CREATE TABLE "offer" (
	"id" text PRIMARY KEY NOT NULL,
	"bid_id" text NOT NULL,
	"round" integer NOT NULL,
	"from_party" text NOT NULL,
	"volume" numeric(15, 3) NOT NULL,
	"price_per_unit" numeric(16, 4) NOT NULL,
	"delivery_terms" text DEFAULT '' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bid" ADD CONSTRAINT "bid_lot_id_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid" ADD CONSTRAINT "bid_api_key_id_api_key_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_key"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer" ADD CONSTRAINT "offer_bid_id_bid_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bid"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bid_lot_idx" ON "bid" USING btree ("lot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bid_one_live_per_producer_lot" ON "bid" USING btree ("lot_id","producer_platform","bidder_organization_id") WHERE "bid"."status" in ('submitted', 'countered');--> statement-breakpoint
CREATE UNIQUE INDEX "bid_external_id_per_platform" ON "bid" USING btree ("producer_platform","external_bid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_bid_round_idx" ON "offer" USING btree ("bid_id","round");