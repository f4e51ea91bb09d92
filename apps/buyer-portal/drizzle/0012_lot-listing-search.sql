-- A trigram index serves the external listing's `ilike '%word%'` search; pg_trgm is a trusted extension (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "lot_listed_text_idx" ON "lot" USING gin (("number" || ' ' || "title" || ' ' || "commodity" || ' ' || "description") gin_trgm_ops) WHERE "lot"."published_seq" is not null;--> statement-breakpoint
CREATE INDEX "lot_listed_commodity_idx" ON "lot" USING btree ("status",lower("commodity"),"published_seq") WHERE "lot"."published_seq" is not null;--> statement-breakpoint
CREATE INDEX "lot_listed_updated_idx" ON "lot" USING btree ("status","updated_at","published_seq") WHERE "lot"."published_seq" is not null;--> statement-breakpoint
-- Statistics of the searched text (not kept by drizzle-kit): without them the planner guesses a common word rare,
-- fetches every lot that has it and sorts them, instead of walking the listing order and stopping at a page.
CREATE STATISTICS "lot_search_text_stats" ON (("number" || ' ' || "title" || ' ' || "commodity" || ' ' || "description")) FROM "lot";
