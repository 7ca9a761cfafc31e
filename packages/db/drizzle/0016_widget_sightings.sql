-- Where the widget script was loaded: one row per website (origin) and workspace. It tells the
-- owner "your widget was seen on your site" during onboarding, and warns when it was loaded on
-- a site that is not in the allowed list (the visitor there sees no chat at all).
CREATE TABLE "widget_sightings" (
	"tenant_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"allowed" boolean NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "widget_sightings_tenant_id_origin_pk" PRIMARY KEY("tenant_id","origin")
);
--> statement-breakpoint
ALTER TABLE "widget_sightings" ADD CONSTRAINT "widget_sightings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "widget_sightings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "widget_sightings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "widget_sightings" AS PERMISSIVE FOR ALL TO PUBLIC
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
