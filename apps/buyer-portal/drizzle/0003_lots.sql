CREATE SEQUENCE "public"."lot_listing_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "lot" ADD COLUMN "published_seq" bigint;--> statement-breakpoint
ALTER TABLE "lot" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "lot_status_published_seq_idx" ON "lot" USING btree ("status","published_seq");--> statement-breakpoint
CREATE INDEX "lot_deadline_idx" ON "lot" USING btree ("bidding_deadline") WHERE "lot"."status" = 'published';--> statement-breakpoint
ALTER TABLE "lot" ADD CONSTRAINT "lot_published_seq_unique" UNIQUE("published_seq");