DROP INDEX "conversations_recent_idx";--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "webhook_url" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "webhook_secret_encrypted" text;--> statement-breakpoint
CREATE INDEX "conversations_activity_idx" ON "conversations" USING btree ("tenant_id","last_message_at","id");--> statement-breakpoint
CREATE INDEX "conversations_updated_idx" ON "conversations" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "conversations_started_idx" ON "conversations" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_time_idx" ON "messages" USING btree ("tenant_id","created_at");