-- Trigram indexes serve the marketplace's `ilike '%word%'` search; pg_trgm is a trusted extension (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "market_lot_open_text_idx" ON "market_lot" USING gin ("search_text" gin_trgm_ops) WHERE "market_lot"."status" = 'published';--> statement-breakpoint
CREATE INDEX "market_lot_open_location_idx" ON "market_lot" USING gin ("delivery_location" gin_trgm_ops) WHERE "market_lot"."status" = 'published';--> statement-breakpoint
CREATE INDEX "market_lot_open_commodity_idx" ON "market_lot" USING btree (lower("commodity"),"bidding_deadline","id") WHERE "market_lot"."status" = 'published';--> statement-breakpoint
CREATE INDEX "market_lot_open_volume_idx" ON "market_lot" USING btree ("volume") WHERE "market_lot"."status" = 'published';