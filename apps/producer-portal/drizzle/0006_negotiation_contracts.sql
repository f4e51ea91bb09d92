CREATE TABLE "producer_contract" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"organization_id" text NOT NULL,
	"buyer_bid_id" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"pending_call_id" text,
	"pending_change" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "producer_bid" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "producer_bid" ADD COLUMN "offers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "producer_contract_org_created_idx" ON "producer_contract" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "producer_contract_buyer_bid_id_idx" ON "producer_contract" USING btree ("buyer_bid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "producer_contract_pending_call_id_idx" ON "producer_contract" USING btree ("pending_call_id");