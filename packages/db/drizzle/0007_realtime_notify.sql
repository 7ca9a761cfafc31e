-- Realtime fan-out: every new message and every change of a conversation's status or bot pause
-- is announced on one channel. NOTIFY is delivered on commit, so listeners (any API process on
-- this database) never see a row that was rolled back. Payloads carry ids only; listeners read
-- the row back inside the tenant's scope.
CREATE OR REPLACE FUNCTION replyline_notify_message() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('replyline_conversation_events', json_build_object(
    'tenantId', NEW.tenant_id, 'conversationId', NEW.conversation_id,
    'kind', 'message', 'id', NEW.id)::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_notify AFTER INSERT ON messages
  FOR EACH ROW EXECUTE FUNCTION replyline_notify_message();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION replyline_notify_conversation_status() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.bot_paused_at IS DISTINCT FROM OLD.bot_paused_at THEN
    PERFORM pg_notify('replyline_conversation_events', json_build_object(
      'tenantId', NEW.tenant_id, 'conversationId', NEW.id, 'kind', 'status', 'id', NEW.id)::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER conversations_notify_status AFTER UPDATE ON conversations
  FOR EACH ROW EXECUTE FUNCTION replyline_notify_conversation_status();
