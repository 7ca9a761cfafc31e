CREATE TABLE "search_postings" (
	"tenant_id" uuid NOT NULL,
	"lexeme" text NOT NULL,
	"chunk_id" uuid NOT NULL,
	"tf" integer NOT NULL,
	"term_count" integer NOT NULL,
	"boost" real NOT NULL,
	"impact" real NOT NULL,
	CONSTRAINT "search_postings_tenant_id_chunk_id_lexeme_pk" PRIMARY KEY("tenant_id","chunk_id","lexeme")
);
--> statement-breakpoint
CREATE INDEX "search_postings_impact_idx" ON "search_postings" USING btree ("tenant_id","lexeme","impact" DESC NULLS LAST,"chunk_id","tf","term_count","boost");