CREATE TABLE "articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"outlet_id" integer NOT NULL,
	"url" text NOT NULL,
	"title" text,
	"published_on" text NOT NULL,
	"date_precision" text NOT NULL,
	"language" text NOT NULL,
	"byline" text,
	"body" text,
	CONSTRAINT "articles_url_unique" UNIQUE("url"),
	CONSTRAINT "articles_url_format" CHECK ("articles"."url" ~ '^https?://'),
	CONSTRAINT "articles_published_date" CHECK ("articles"."published_on" ~ '^\d{4}-\d{2}-\d{2}$' AND to_char("articles"."published_on"::date, 'YYYY-MM-DD') = "articles"."published_on"),
	CONSTRAINT "articles_precision_known" CHECK ("articles"."date_precision" IN ('year', 'month', 'day')),
	CONSTRAINT "articles_published_matches_precision" CHECK ("articles"."date_precision" = 'day' OR ("articles"."date_precision" = 'month' AND "articles"."published_on" LIKE '%-01') OR ("articles"."date_precision" = 'year' AND "articles"."published_on" LIKE '%-01-01')),
	CONSTRAINT "articles_language_format" CHECK ("articles"."language" ~ '^[a-z][A-Za-z0-9-]*$' AND length("articles"."language") <= 35)
);
--> statement-breakpoint
CREATE TABLE "change_feed_state" (
	"pruned_through" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" integer NOT NULL,
	"op" text NOT NULL,
	"removed_words" text
);
--> statement-breakpoint
CREATE TABLE "change_readers" (
	"reader" text PRIMARY KEY NOT NULL,
	"position" bigint NOT NULL,
	"seen_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outlet_aliases" (
	"outlet_id" integer NOT NULL,
	"alias" text NOT NULL,
	CONSTRAINT "outlet_aliases_outlet_id_alias_pk" PRIMARY KEY("outlet_id","alias"),
	CONSTRAINT "outlet_aliases_present" CHECK (btrim("outlet_aliases"."alias") <> '')
);
--> statement-breakpoint
CREATE TABLE "outlets" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text,
	"country" text,
	"domain" text,
	CONSTRAINT "outlets_slug_unique" UNIQUE("slug"),
	CONSTRAINT "outlets_domain_unique" UNIQUE("domain"),
	CONSTRAINT "outlets_slug_format" CHECK ("outlets"."slug" ~ '^[a-z0-9\u0080-\U0010FFFF]+(-[a-z0-9\u0080-\U0010FFFF]+)*$'),
	CONSTRAINT "outlets_name_present" CHECK (btrim("outlets"."name") <> ''),
	CONSTRAINT "outlets_kind_known" CHECK ("outlets"."kind" IS NULL OR "outlets"."kind" IN ('newspaper', 'wire', 'broadcaster', 'magazine', 'online')),
	CONSTRAINT "outlets_country_format" CHECK ("outlets"."country" IS NULL OR "outlets"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "outlets_domain_format" CHECK ("outlets"."domain" IS NULL OR ("outlets"."domain" LIKE '%.%' AND "outlets"."domain" = lower("outlets"."domain")))
);
--> statement-breakpoint
CREATE TABLE "quote_fingerprints" (
	"fingerprint" bigint NOT NULL,
	"quote_id" integer NOT NULL,
	"speaker" integer NOT NULL,
	CONSTRAINT "quote_fingerprints_fingerprint_quote_id_pk" PRIMARY KEY("fingerprint","quote_id")
);
--> statement-breakpoint
CREATE TABLE "quote_threads" (
	"quote_id" integer PRIMARY KEY NOT NULL,
	"thread_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"speaker_id" integer,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"cue" text,
	"speaker_title" text,
	"audience" text,
	"cited_outlet_id" integer,
	"said_earliest" text,
	"said_latest" text,
	"said_phrase" text,
	"start" integer,
	"end" integer,
	"extraction" text,
	"search_speaker" text DEFAULT '' NOT NULL,
	"search_title" text DEFAULT '' NOT NULL,
	"search_outlets" text DEFAULT '' NOT NULL,
	"search_words" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('quotedb_simple'::regconfig, quotedb_words(text)), 'A') || setweight(to_tsvector('quotedb_simple'::regconfig, quotedb_words(search_speaker)), 'B') || setweight(to_tsvector('quotedb_simple'::regconfig, quotedb_words(search_title)), 'C') || setweight(to_tsvector('quotedb_simple'::regconfig, quotedb_words(search_outlets)), 'D')) STORED,
	CONSTRAINT "quotes_text_present" CHECK (btrim("quotes"."text") <> ''),
	CONSTRAINT "quotes_kind_known" CHECK ("quotes"."kind" IN ('direct', 'partial', 'paraphrase')),
	CONSTRAINT "quotes_offsets_paired" CHECK (("quotes"."start" IS NULL) = ("quotes"."end" IS NULL)),
	CONSTRAINT "quotes_offsets_order" CHECK ("quotes"."start" IS NULL OR ("quotes"."start" >= 0 AND "quotes"."end" > "quotes"."start")),
	CONSTRAINT "quotes_said_earliest_date" CHECK ("quotes"."said_earliest" IS NULL OR ("quotes"."said_earliest" ~ '^\d{4}-\d{2}-\d{2}$' AND to_char("quotes"."said_earliest"::date, 'YYYY-MM-DD') = "quotes"."said_earliest")),
	CONSTRAINT "quotes_said_latest_date" CHECK ("quotes"."said_latest" IS NULL OR ("quotes"."said_latest" ~ '^\d{4}-\d{2}-\d{2}$' AND to_char("quotes"."said_latest"::date, 'YYYY-MM-DD') = "quotes"."said_latest")),
	CONSTRAINT "quotes_said_order" CHECK ("quotes"."said_earliest" IS NULL OR "quotes"."said_latest" IS NULL OR "quotes"."said_earliest" <= "quotes"."said_latest")
);
--> statement-breakpoint
CREATE TABLE "speaker_aliases" (
	"speaker_id" integer NOT NULL,
	"alias" text NOT NULL,
	CONSTRAINT "speaker_aliases_speaker_id_alias_pk" PRIMARY KEY("speaker_id","alias"),
	CONSTRAINT "speaker_aliases_present" CHECK (btrim("speaker_aliases"."alias") <> '')
);
--> statement-breakpoint
CREATE TABLE "speaker_titles" (
	"speaker_id" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "speaker_titles_speaker_id_title_pk" PRIMARY KEY("speaker_id","title")
);
--> statement-breakpoint
CREATE TABLE "speakers" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"wikidata_id" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	CONSTRAINT "speakers_slug_unique" UNIQUE("slug"),
	CONSTRAINT "speakers_slug_format" CHECK ("speakers"."slug" ~ '^[a-z0-9\u0080-\U0010FFFF]+(-[a-z0-9\u0080-\U0010FFFF]+)*$'),
	CONSTRAINT "speakers_name_present" CHECK (btrim("speakers"."name") <> ''),
	CONSTRAINT "speakers_wikidata_format" CHECK ("speakers"."wikidata_id" IS NULL OR "speakers"."wikidata_id" ~ '^Q[1-9][0-9]*$')
);
--> statement-breakpoint
CREATE TABLE "thread_state" (
	"position" bigint
);
--> statement-breakpoint
CREATE TABLE "threads" (
	"id" integer PRIMARY KEY NOT NULL,
	"statements" integer NOT NULL,
	"outlets" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_outlet_id_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlet_aliases" ADD CONSTRAINT "outlet_aliases_outlet_id_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."outlets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_cited_outlet_id_outlets_id_fk" FOREIGN KEY ("cited_outlet_id") REFERENCES "public"."outlets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_aliases" ADD CONSTRAINT "speaker_aliases_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_titles" ADD CONSTRAINT "speaker_titles_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_outlet" ON "articles" USING btree ("outlet_id","published_on","id");--> statement-breakpoint
CREATE INDEX "articles_published" ON "articles" USING btree ("published_on");--> statement-breakpoint
CREATE INDEX "quote_threads_thread" ON "quote_threads" USING btree ("thread_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_article_span_kind" ON "quotes" USING btree ("article_id","start","end","kind");--> statement-breakpoint
CREATE INDEX "quotes_speaker" ON "quotes" USING btree ("speaker_id");--> statement-breakpoint
CREATE INDEX "quotes_cited_outlet" ON "quotes" USING btree ("cited_outlet_id");--> statement-breakpoint
CREATE INDEX "quotes_search_words" ON "quotes" USING gin ("search_words");--> statement-breakpoint
CREATE INDEX "quotes_review_queue" ON "quotes" USING btree ((("extraction"::jsonb ->> 'confidence')::real),"id") WHERE "quotes"."extraction" IS NOT NULL;