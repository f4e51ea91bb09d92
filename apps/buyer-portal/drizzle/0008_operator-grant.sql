-- The portal's operators (portal-wide administration) are memberships holding a grant, no longer emails named in
-- INTEGRATION_ADMINS or every organization's admin; the grant is deleted with its membership. Nobody holds one after
-- this migration: OPERATORS or npm run grant-operator names them.
CREATE TABLE "operator_grant" (
	"member_id" text PRIMARY KEY NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "operator_grant" ADD CONSTRAINT "operator_grant_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE cascade ON UPDATE no action;