-- Events written before this migration keep their order (seq) ahead of every later one: they get tx 0.
ALTER TABLE "integration_event" ADD COLUMN "tx" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "integration_event" ALTER COLUMN "tx" SET DEFAULT (pg_current_xact_id()::text)::bigint;--> statement-breakpoint
CREATE INDEX "integration_event_feed_idx" ON "integration_event" USING btree ("tx","seq");
