-- Actions: typed operations the assistant may run for a visitor, per workspace. `kind` is a
-- built-in integration's id (e.g. 'woocommerce.order_status') or 'http' for the business's own
-- HTTPS endpoint, whose call is described in `http` (method, URL template, timeout, fields to
-- show). Header values may be secrets: they are kept encrypted in `headers_encrypted`, as are
-- a built-in's secret settings in `settings_encrypted`, never in plain jsonb.
CREATE TABLE "actions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"http" jsonb,
	"headers_encrypted" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"settings_encrypted" text,
	"requires_identity" boolean DEFAULT true NOT NULL,
	"side_effects" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "actions_name_check" CHECK ("actions"."name" ~ '^[a-z][a-z0-9_]{0,47}$')
);
--> statement-breakpoint
-- A call with side effects the assistant proposed in one conversation: it runs only when the
-- visitor confirms this very proposal, in this conversation, before it expires.
CREATE TABLE "action_proposals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"params" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_proposals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "action_proposals_status_check" CHECK ("action_proposals"."status" in ('proposed', 'confirmed', 'done', 'failed'))
);
--> statement-breakpoint
-- The cards an answer showed (order status, slots, quote, confirm), kept with the message so
-- the transcript agents read shows what the visitor saw.
ALTER TABLE "messages" ADD COLUMN "cards" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actions_name_key" ON "actions" USING btree ("tenant_id","name");--> statement-breakpoint
ALTER TABLE "action_proposals" ADD CONSTRAINT "action_proposals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_proposals" ADD CONSTRAINT "action_proposals_conversation_fk" FOREIGN KEY ("tenant_id","conversation_id") REFERENCES "public"."conversations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_proposals" ADD CONSTRAINT "action_proposals_action_fk" FOREIGN KEY ("tenant_id","action_id") REFERENCES "public"."actions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_proposals_conversation_idx" ON "action_proposals" USING btree ("tenant_id","conversation_id");--> statement-breakpoint
CREATE INDEX "action_proposals_action_idx" ON "action_proposals" USING btree ("tenant_id","action_id");--> statement-breakpoint
ALTER TABLE "actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "actions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "actions" AS PERMISSIVE FOR ALL TO PUBLIC USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "action_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "action_proposals" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "action_proposals" AS PERMISSIVE FOR ALL TO PUBLIC USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
