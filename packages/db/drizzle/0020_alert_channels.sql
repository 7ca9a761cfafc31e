-- Where a workspace wants instant alerts (Telegram, Slack, WhatsApp, SMS, Teams or a signed
-- webhook) and for which events. The channel's settings, tokens included, are one JSON
-- document encrypted with the app's key; only a harmless hint (a host, a chat id, the last
-- digits of a phone number) is stored in the clear for the dashboard to show.
CREATE TABLE "alert_channels" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"target_hint" text NOT NULL,
	"config_encrypted" text NOT NULL,
	"events" text[] DEFAULT '{}'::text[] NOT NULL,
	"reply_overdue_minutes" integer DEFAULT 15 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_failure_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_channels_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "alert_channels_kind_check" CHECK ("alert_channels"."kind" in ('telegram', 'slack', 'whatsapp', 'twilio_sms', 'teams', 'webhook')),
	CONSTRAINT "alert_channels_overdue_check" CHECK ("alert_channels"."reply_overdue_minutes" between 1 and 1440),
	CONSTRAINT "alert_channels_status_check" CHECK ("alert_channels"."status" in ('active', 'failing'))
);
--> statement-breakpoint
ALTER TABLE "alert_channels" ADD CONSTRAINT "alert_channels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_channels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "alert_channels" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "alert_channels" AS PERMISSIVE FOR ALL TO PUBLIC USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
