CREATE TABLE "producer_dispatch" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"planned_date" date NOT NULL,
	"vehicle_reference" text NOT NULL,
	"estimated_weight" numeric(15, 3) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'sending' NOT NULL,
	"buyer_dispatch_id" text,
	"refusal_reason" text,
	"call_id" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "producer_dispatch_contract_idx" ON "producer_dispatch" USING btree ("organization_id","contract_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "producer_dispatch_call_idx" ON "producer_dispatch" USING btree ("call_id");