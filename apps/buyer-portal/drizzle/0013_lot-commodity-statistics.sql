-- Statistics of lower(commodity), which the external listing's commodity filter compares (not kept by drizzle-kit):
-- the expression of a partial index has none, so the planner takes every commodity for rare.
CREATE STATISTICS "lot_commodity_stats" ON (lower("commodity")) FROM "lot";
