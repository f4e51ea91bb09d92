CREATE INDEX "market_lot_open_commodity_name_idx" ON "market_lot" USING btree ("commodity") WHERE "market_lot"."status" = 'published';--> statement-breakpoint
-- Statistics of lower(commodity), which the commodity filter compares (not kept by drizzle-kit): a partial index's
-- expression has none, so the planner took every commodity for rare and fetched all of a common one to sort it.
CREATE STATISTICS "market_lot_commodity_stats" ON (lower("commodity")) FROM "market_lot";
