CREATE TABLE "saved_search_alert" (
	"member_id" text NOT NULL,
	"lot_id" text NOT NULL,
	"saved_search_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_search_alert_member_id_lot_id_pk" PRIMARY KEY("member_id","lot_id")
);
--> statement-breakpoint
CREATE TABLE "saved_search" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"q" text,
	"commodity" text,
	"location" text,
	"delivery_from" date,
	"delivery_to" date,
	"min_volume" numeric(15, 3),
	"max_volume" numeric(15, 3),
	"q_patterns" text[] DEFAULT '{}' NOT NULL,
	"location_patterns" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "saved_search_alert" ADD CONSTRAINT "saved_search_alert_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search_alert" ADD CONSTRAINT "saved_search_alert_saved_search_id_saved_search_id_fk" FOREIGN KEY ("saved_search_id") REFERENCES "public"."saved_search"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search" ADD CONSTRAINT "saved_search_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_search_alert_member_created_idx" ON "saved_search_alert" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_search_member_name_idx" ON "saved_search" USING btree ("member_id",lower("name"));