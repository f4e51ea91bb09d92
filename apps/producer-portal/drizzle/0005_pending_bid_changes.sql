ALTER TABLE "producer_bid" ADD COLUMN "pending_call_id" text;--> statement-breakpoint
ALTER TABLE "producer_bid" ADD COLUMN "pending_change" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "producer_bid_pending_call_id_idx" ON "producer_bid" USING btree ("pending_call_id");