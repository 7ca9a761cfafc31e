CREATE TABLE "rate_limits" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
--> statement-breakpoint
CREATE TABLE "sso_connections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_encrypted" text NOT NULL,
	"email_domain" text NOT NULL,
	"domain_verification_token" text NOT NULL,
	"domain_verified_at" timestamp with time zone,
	"auto_join_role" "member_role",
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_connections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "identity_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "sso_domain" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "identity_key" text;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD CONSTRAINT "sso_connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_connections_tenant_key" ON "sso_connections" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_sso_domain_key" ON "tenants" USING btree ("sso_domain");--> statement-breakpoint
-- A deleted document's words must not stay readable in the search statistics: rows whose
-- document frequency reaches zero are removed, not left at 0.
CREATE OR REPLACE FUNCTION chunks_search_stats_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_terms st SET doc_freq = st.doc_freq - d.n
  FROM (
    SELECT o.tenant_id, u.lexeme, count(*) AS n
    FROM old_rows o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS u(lexeme)
    GROUP BY o.tenant_id, u.lexeme
  ) d
  WHERE st.tenant_id = d.tenant_id AND st.lexeme = d.lexeme;

  DELETE FROM search_terms st
  USING (
    SELECT DISTINCT o.tenant_id, u.lexeme
    FROM old_rows o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS u(lexeme)
  ) d
  WHERE st.tenant_id = d.tenant_id AND st.lexeme = d.lexeme AND st.doc_freq <= 0;

  UPDATE search_corpus sc SET chunk_count = sc.chunk_count - d.n, total_length = sc.total_length - d.len
  FROM (SELECT tenant_id, count(*) AS n, sum(term_count) AS len FROM old_rows GROUP BY tenant_id) d
  WHERE sc.tenant_id = d.tenant_id;
  RETURN NULL;
END $$;--> statement-breakpoint
DELETE FROM search_terms WHERE doc_freq <= 0;
