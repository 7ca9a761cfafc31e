-- Canned replies: snippets an agent inserts into the reply box with "/" and a shortcut.
-- One per shortcut in a workspace; the shortcut is compared lower-cased.
CREATE TABLE "canned_replies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"shortcut" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canned_replies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "canned_replies_shortcut_key" ON "canned_replies" USING btree ("tenant_id",lower("shortcut"));--> statement-breakpoint
ALTER TABLE "canned_replies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "canned_replies" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "canned_replies" AS PERMISSIVE FOR ALL TO PUBLIC
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- The inbox's "Mine" and "Unassigned" views read conversations by assignee.
CREATE INDEX "conversations_assignee_idx" ON "conversations" USING btree ("tenant_id","assigned_user_id","last_message_at");
--> statement-breakpoint
-- A transfer changes only the assignee: announce it too, so every open inbox moves the
-- conversation between "Mine" and "Unassigned" at once.
CREATE OR REPLACE FUNCTION replyline_notify_conversation_status() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.bot_paused_at IS DISTINCT FROM OLD.bot_paused_at
    OR NEW.assigned_user_id IS DISTINCT FROM OLD.assigned_user_id THEN
    PERFORM pg_notify('replyline_conversation_events', json_build_object(
      'tenantId', NEW.tenant_id, 'conversationId', NEW.id, 'kind', 'status', 'id', NEW.id)::text);
  END IF;
  RETURN NULL;
END $$;
