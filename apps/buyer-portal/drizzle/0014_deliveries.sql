CREATE TABLE "contract_dispatch" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"external_id" text,
	"planned_date" date NOT NULL,
	"vehicle_reference" text NOT NULL,
	"estimated_weight" numeric(15, 3) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"announced_at" timestamp with time zone NOT NULL,
	"announced_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_ledger_entry" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delivery_ledger_entry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"contract_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"by_party" text NOT NULL,
	"by_name" text NOT NULL,
	"dispatch_id" text,
	"ticket_id" text,
	"accepted" numeric(15, 3) NOT NULL,
	"value" numeric(20, 2) NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_ticket_version" (
	"ticket_id" text NOT NULL,
	"version" integer NOT NULL,
	"dispatch_id" text,
	"received_at" timestamp with time zone NOT NULL,
	"gross_weight" numeric(15, 3) NOT NULL,
	"tare_weight" numeric(15, 3) NOT NULL,
	"net_weight" numeric(15, 3) NOT NULL,
	"measurements" jsonb NOT NULL,
	"out_of_spec" boolean NOT NULL,
	"decision" text NOT NULL,
	"discount_kind" text,
	"discount_amount" numeric(15, 4),
	"rejection_reason" text DEFAULT '' NOT NULL,
	"accepted_quantity" numeric(15, 3) NOT NULL,
	"discount" numeric(20, 2) NOT NULL,
	"value" numeric(20, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"correction_reason" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_party" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	CONSTRAINT "delivery_ticket_version_ticket_id_version_pk" PRIMARY KEY("ticket_id","version"),
	CONSTRAINT "delivery_ticket_weights" CHECK ("delivery_ticket_version"."gross_weight" > "delivery_ticket_version"."tare_weight" AND "delivery_ticket_version"."tare_weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "delivery_ticket" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"number" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "tolerance_percent" numeric(4, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "tolerance_option" text DEFAULT 'seller' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "tolerance_beyond" text DEFAULT 'refuse' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "quality_parameters" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "overdue_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "settlement_issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contract" ADD COLUMN "settlement_hash" text;--> statement-breakpoint
ALTER TABLE "lot" ADD COLUMN "tolerance_percent" numeric(4, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "lot" ADD COLUMN "tolerance_option" text DEFAULT 'seller' NOT NULL;--> statement-breakpoint
ALTER TABLE "lot" ADD COLUMN "tolerance_beyond" text DEFAULT 'refuse' NOT NULL;--> statement-breakpoint
ALTER TABLE "lot" ADD COLUMN "quality_parameters" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_dispatch" ADD CONSTRAINT "contract_dispatch_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_ledger_entry" ADD CONSTRAINT "delivery_ledger_entry_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_ticket_version" ADD CONSTRAINT "delivery_ticket_version_ticket_id_delivery_ticket_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."delivery_ticket"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_ticket_version" ADD CONSTRAINT "delivery_ticket_version_dispatch_id_contract_dispatch_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."contract_dispatch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_ticket" ADD CONSTRAINT "delivery_ticket_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_dispatch_contract_idx" ON "contract_dispatch" USING btree ("contract_id","announced_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_dispatch_external_idx" ON "contract_dispatch" USING btree ("contract_id","external_id");--> statement-breakpoint
CREATE INDEX "delivery_ledger_entry_contract_idx" ON "delivery_ledger_entry" USING btree ("contract_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_ticket_number_idx" ON "delivery_ticket" USING btree ("contract_id",lower("number"));--> statement-breakpoint
CREATE INDEX "delivery_ticket_contract_idx" ON "delivery_ticket" USING btree ("contract_id","created_at");