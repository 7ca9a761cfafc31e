-- Website sources: a business's site crawled into knowledge, one document per page. New
-- document kinds for the uploads that are not PDFs, and the page address each web document
-- cites.
ALTER TYPE "document_kind" ADD VALUE IF NOT EXISTS 'docx';--> statement-breakpoint
ALTER TYPE "document_kind" ADD VALUE IF NOT EXISTS 'html';--> statement-breakpoint
ALTER TYPE "document_kind" ADD VALUE IF NOT EXISTS 'web';--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_url" text;--> statement-breakpoint
CREATE TYPE "website_crawl_schedule" AS ENUM('daily', 'weekly', 'manual');--> statement-breakpoint
CREATE TYPE "website_crawl_status" AS ENUM('queued', 'crawling', 'ready', 'failed');--> statement-breakpoint
CREATE TABLE "website_sources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"start_url" text NOT NULL,
	"sitemap_url" text,
	"max_pages" integer DEFAULT 200 NOT NULL,
	"max_depth" integer DEFAULT 5 NOT NULL,
	"include_patterns" text[] DEFAULT '{}' NOT NULL,
	"exclude_patterns" text[] DEFAULT '{}' NOT NULL,
	"schedule" "website_crawl_schedule" DEFAULT 'weekly' NOT NULL,
	"status" "website_crawl_status" DEFAULT 'queued' NOT NULL,
	"error" text,
	"pages_found" integer DEFAULT 0 NOT NULL,
	"pages_done" integer DEFAULT 0 NOT NULL,
	"pages_changed" integer DEFAULT 0 NOT NULL,
	"pages_failed" integer DEFAULT 0 NOT NULL,
	"last_crawled_at" timestamp with time zone,
	"next_crawl_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "website_sources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "website_pages" (
	"tenant_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"url" text NOT NULL,
	"document_id" uuid,
	"title" text,
	"status" text NOT NULL,
	"error" text,
	"http_status" integer,
	"etag" text,
	"last_modified" text,
	"content_hash" text,
	"depth" integer DEFAULT 0 NOT NULL,
	"links" text[] DEFAULT '{}' NOT NULL,
	"last_crawled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "website_pages_tenant_id_source_id_url_pk" PRIMARY KEY("tenant_id","source_id","url"),
	CONSTRAINT "website_pages_status_check" CHECK ("status" IN ('indexed', 'skipped', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "website_sources" ADD CONSTRAINT "website_sources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "website_pages" ADD CONSTRAINT "website_pages_source_fk" FOREIGN KEY ("tenant_id","source_id") REFERENCES "public"."website_sources"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A page whose document is deleted stays listed (its next crawl stores it again).
ALTER TABLE "website_pages" ADD CONSTRAINT "website_pages_document_fk" FOREIGN KEY ("tenant_id","document_id") REFERENCES "public"."documents"("tenant_id","id") ON DELETE SET NULL ("document_id") ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "website_sources_start_url_key" ON "website_sources" USING btree ("tenant_id","start_url");--> statement-breakpoint
CREATE INDEX "website_sources_next_crawl_idx" ON "website_sources" USING btree ("tenant_id","next_crawl_at");--> statement-breakpoint
ALTER TABLE "website_sources" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "website_sources" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "website_sources" AS PERMISSIVE FOR ALL TO PUBLIC
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "website_pages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "website_pages" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "website_pages" AS PERMISSIVE FOR ALL TO PUBLIC
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
