CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outlet_id` integer NOT NULL,
	`url` text NOT NULL,
	`title` text,
	`published_on` text NOT NULL,
	`date_precision` text NOT NULL,
	`language` text NOT NULL,
	`byline` text,
	`body` text,
	FOREIGN KEY (`outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "articles_url_format" CHECK("articles"."url" LIKE 'http://%' OR "articles"."url" LIKE 'https://%'),
	CONSTRAINT "articles_published_date" CHECK("articles"."published_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date("articles"."published_on") IS "articles"."published_on"),
	CONSTRAINT "articles_precision_known" CHECK("articles"."date_precision" IN ('year', 'month', 'day')),
	CONSTRAINT "articles_published_matches_precision" CHECK("articles"."date_precision" = 'day' OR ("articles"."date_precision" = 'month' AND "articles"."published_on" LIKE '%-01') OR ("articles"."date_precision" = 'year' AND "articles"."published_on" LIKE '%-01-01')),
	CONSTRAINT "articles_language_format" CHECK("articles"."language" GLOB '[a-z][a-z]*' AND length("articles"."language") <= 35)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_url_unique` ON `articles` (`url`);--> statement-breakpoint
CREATE INDEX `articles_outlet` ON `articles` (`outlet_id`);--> statement-breakpoint
CREATE INDEX `articles_published` ON `articles` (`published_on`);--> statement-breakpoint
CREATE TABLE `outlet_aliases` (
	`outlet_id` integer NOT NULL,
	`alias` text NOT NULL,
	PRIMARY KEY(`outlet_id`, `alias`),
	FOREIGN KEY (`outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "outlet_aliases_present" CHECK(trim("outlet_aliases"."alias") <> '')
);
--> statement-breakpoint
CREATE TABLE `outlets` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text,
	`country` text,
	`domain` text,
	CONSTRAINT "outlets_slug_format" CHECK("outlets"."slug" <> '' AND "outlets"."slug" NOT GLOB '*[^a-z0-9-]*' AND "outlets"."slug" NOT LIKE '-%' AND "outlets"."slug" NOT LIKE '%-' AND "outlets"."slug" NOT LIKE '%--%'),
	CONSTRAINT "outlets_name_present" CHECK(trim("outlets"."name") <> ''),
	CONSTRAINT "outlets_kind_known" CHECK("outlets"."kind" IS NULL OR "outlets"."kind" IN ('newspaper', 'wire', 'broadcaster', 'magazine', 'online')),
	CONSTRAINT "outlets_country_format" CHECK("outlets"."country" IS NULL OR "outlets"."country" GLOB '[A-Z][A-Z]'),
	CONSTRAINT "outlets_domain_format" CHECK("outlets"."domain" IS NULL OR ("outlets"."domain" LIKE '%.%' AND "outlets"."domain" = lower("outlets"."domain")))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outlets_slug_unique` ON `outlets` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `outlets_domain_unique` ON `outlets` (`domain`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`speaker_id` integer,
	`text` text NOT NULL,
	`kind` text NOT NULL,
	`cue` text,
	`speaker_title` text,
	`audience` text,
	`cited_outlet_id` integer,
	`said_earliest` text,
	`said_latest` text,
	`said_phrase` text,
	`start` integer,
	`end` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cited_outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quotes_text_present" CHECK(trim("quotes"."text") <> ''),
	CONSTRAINT "quotes_kind_known" CHECK("quotes"."kind" IN ('direct', 'partial', 'paraphrase')),
	CONSTRAINT "quotes_offsets_paired" CHECK(("quotes"."start" IS NULL) = ("quotes"."end" IS NULL)),
	CONSTRAINT "quotes_offsets_order" CHECK("quotes"."start" IS NULL OR ("quotes"."start" >= 0 AND "quotes"."end" > "quotes"."start")),
	CONSTRAINT "quotes_said_earliest_date" CHECK("quotes"."said_earliest" IS NULL OR ("quotes"."said_earliest" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date("quotes"."said_earliest") IS "quotes"."said_earliest")),
	CONSTRAINT "quotes_said_latest_date" CHECK("quotes"."said_latest" IS NULL OR ("quotes"."said_latest" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date("quotes"."said_latest") IS "quotes"."said_latest")),
	CONSTRAINT "quotes_said_order" CHECK("quotes"."said_earliest" IS NULL OR "quotes"."said_latest" IS NULL OR "quotes"."said_earliest" <= "quotes"."said_latest")
);
--> statement-breakpoint
CREATE INDEX `quotes_article` ON `quotes` (`article_id`,`start`);--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_article_span_kind` ON `quotes` (`article_id`,`start`,`end`,`kind`);--> statement-breakpoint
CREATE INDEX `quotes_speaker` ON `quotes` (`speaker_id`);--> statement-breakpoint
CREATE INDEX `quotes_cited_outlet` ON `quotes` (`cited_outlet_id`);--> statement-breakpoint
CREATE TABLE `speaker_aliases` (
	`speaker_id` integer NOT NULL,
	`alias` text NOT NULL,
	PRIMARY KEY(`speaker_id`, `alias`),
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "speaker_aliases_present" CHECK(trim("speaker_aliases"."alias") <> '')
);
--> statement-breakpoint
CREATE TABLE `speakers` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`wikidata_id` text,
	`anonymous` integer DEFAULT false NOT NULL,
	CONSTRAINT "speakers_slug_format" CHECK("speakers"."slug" <> '' AND "speakers"."slug" NOT GLOB '*[^a-z0-9-]*' AND "speakers"."slug" NOT LIKE '-%' AND "speakers"."slug" NOT LIKE '%-' AND "speakers"."slug" NOT LIKE '%--%'),
	CONSTRAINT "speakers_name_present" CHECK(trim("speakers"."name") <> ''),
	CONSTRAINT "speakers_wikidata_format" CHECK("speakers"."wikidata_id" IS NULL OR ("speakers"."wikidata_id" GLOB 'Q[1-9]*' AND "speakers"."wikidata_id" NOT GLOB 'Q*[^0-9]*'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `speakers_slug_unique` ON `speakers` (`slug`);