CREATE SEQUENCE "public"."contract_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "contract_signature" (
	"contract_id" text NOT NULL,
	"party" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"document_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_status_change" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contract_status_change_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contract_id" text NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "contract" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"status" text DEFAULT 'pending_signature' NOT NULL,
	"buyer_organization_id" text NOT NULL,
	"buyer_name" text NOT NULL,
	"producer_platform" text NOT NULL,
	"producer_organization_id" text NOT NULL,
	"producer_name" text NOT NULL,
	"producer_contact_name" text NOT NULL,
	"producer_contact_email" text NOT NULL,
	"lot_id" text NOT NULL,
	"lot_number" text NOT NULL,
	"lot_title" text NOT NULL,
	"commodity" text NOT NULL,
	"quality_specs" text NOT NULL,
	"volume" numeric(15, 3) NOT NULL,
	"unit" text NOT NULL,
	"price_per_unit" numeric(16, 4) NOT NULL,
	"currency" text NOT NULL,
	"total" numeric(20, 2) NOT NULL,
	"payment_terms" text NOT NULL,
	"incoterm" text NOT NULL,
	"delivery_location" text NOT NULL,
	"delivery_start" date NOT NULL,
	"delivery_end" date NOT NULL,
	"bid_id" text NOT NULL,
	"offer_id" text,
	"cancellation_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_number_unique" UNIQUE("number"),
	CONSTRAINT "contract_volume_positive" CHECK ("contract"."volume" > 0)
);
--> statement-breakpoint
ALTER TABLE "contract_signature" ADD CONSTRAINT "contract_signature_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_status_change" ADD CONSTRAINT "contract_status_change_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_lot_id_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_bid_id_bid_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bid"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_offer_id_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_signature_party_idx" ON "contract_signature" USING btree ("contract_id","party");--> statement-breakpoint
CREATE INDEX "contract_status_change_contract_idx" ON "contract_status_change" USING btree ("contract_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_bid_idx" ON "contract" USING btree ("bid_id");--> statement-breakpoint
CREATE INDEX "contract_buyer_org_idx" ON "contract" USING btree ("buyer_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "contract_producer_idx" ON "contract" USING btree ("producer_platform","producer_organization_id");--> statement-breakpoint
CREATE INDEX "offer_pending_expiry_idx" ON "offer" USING btree ("expires_at") WHERE "offer"."status" = 'pending';