-- Slugs of any script: the slug checks of outlets and speakers allow letters beyond ASCII, so that
-- "习近平" or "בנימין-נתניהו" names its speaker (slugify transliterates what it can first).
-- SQLite cannot change a CHECK constraint in place: both tables are rebuilt. The view and triggers
-- that name them are dropped first and made again after, as they were. Migrations run with foreign
-- keys off and are checked after (src/db/client.ts), so the rebuild moves no alias and no quote.
DROP TRIGGER `articles_fts_update`;--> statement-breakpoint
DROP TRIGGER `outlet_aliases_fts_delete`;--> statement-breakpoint
DROP TRIGGER `outlet_aliases_fts_insert`;--> statement-breakpoint
DROP TRIGGER `outlets_fts_update`;--> statement-breakpoint
DROP TRIGGER `quotes_fts_delete`;--> statement-breakpoint
DROP TRIGGER `quotes_fts_update`;--> statement-breakpoint
DROP TRIGGER `speaker_aliases_fts_delete`;--> statement-breakpoint
DROP TRIGGER `speaker_aliases_fts_insert`;--> statement-breakpoint
DROP TRIGGER `speaker_titles_after_quote_delete`;--> statement-breakpoint
DROP TRIGGER `speaker_titles_after_quote_update`;--> statement-breakpoint
DROP TRIGGER `speakers_fts_update`;--> statement-breakpoint
DROP VIEW `quote_search_documents`;--> statement-breakpoint
CREATE TABLE `__new_outlets` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text,
	`country` text,
	`domain` text,
	CONSTRAINT "outlets_slug_format" CHECK("__new_outlets"."slug" <> '' AND "__new_outlets"."slug" NOT GLOB ('*[^-0-9a-z' || char(128) || '-' || char(1114111) || ']*') AND "__new_outlets"."slug" NOT LIKE '-%' AND "__new_outlets"."slug" NOT LIKE '%-' AND "__new_outlets"."slug" NOT LIKE '%--%'),
	CONSTRAINT "outlets_name_present" CHECK(trim("__new_outlets"."name") <> ''),
	CONSTRAINT "outlets_kind_known" CHECK("__new_outlets"."kind" IS NULL OR "__new_outlets"."kind" IN ('newspaper', 'wire', 'broadcaster', 'magazine', 'online')),
	CONSTRAINT "outlets_country_format" CHECK("__new_outlets"."country" IS NULL OR "__new_outlets"."country" GLOB '[A-Z][A-Z]'),
	CONSTRAINT "outlets_domain_format" CHECK("__new_outlets"."domain" IS NULL OR ("__new_outlets"."domain" LIKE '%.%' AND "__new_outlets"."domain" = lower("__new_outlets"."domain")))
);
--> statement-breakpoint
INSERT INTO `__new_outlets`("id", "slug", "name", "kind", "country", "domain") SELECT "id", "slug", "name", "kind", "country", "domain" FROM `outlets`;--> statement-breakpoint
DROP TABLE `outlets`;--> statement-breakpoint
ALTER TABLE `__new_outlets` RENAME TO `outlets`;--> statement-breakpoint
CREATE UNIQUE INDEX `outlets_slug_unique` ON `outlets` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `outlets_domain_unique` ON `outlets` (`domain`);--> statement-breakpoint
CREATE TABLE `__new_speakers` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`wikidata_id` text,
	`anonymous` integer DEFAULT false NOT NULL,
	CONSTRAINT "speakers_slug_format" CHECK("__new_speakers"."slug" <> '' AND "__new_speakers"."slug" NOT GLOB ('*[^-0-9a-z' || char(128) || '-' || char(1114111) || ']*') AND "__new_speakers"."slug" NOT LIKE '-%' AND "__new_speakers"."slug" NOT LIKE '%-' AND "__new_speakers"."slug" NOT LIKE '%--%'),
	CONSTRAINT "speakers_name_present" CHECK(trim("__new_speakers"."name") <> ''),
	CONSTRAINT "speakers_wikidata_format" CHECK("__new_speakers"."wikidata_id" IS NULL OR ("__new_speakers"."wikidata_id" GLOB 'Q[1-9]*' AND "__new_speakers"."wikidata_id" NOT GLOB 'Q*[^0-9]*'))
);
--> statement-breakpoint
INSERT INTO `__new_speakers`("id", "slug", "name", "description", "wikidata_id", "anonymous") SELECT "id", "slug", "name", "description", "wikidata_id", "anonymous" FROM `speakers`;--> statement-breakpoint
DROP TABLE `speakers`;--> statement-breakpoint
ALTER TABLE `__new_speakers` RENAME TO `speakers`;--> statement-breakpoint
CREATE UNIQUE INDEX `speakers_slug_unique` ON `speakers` (`slug`);--> statement-breakpoint
CREATE VIEW `quote_search_documents` AS
SELECT
	q.`id` AS `id`,
	q.`text` AS `text`,
	trim(
		coalesce(s.`name`, '') || ' ' ||
		coalesce((SELECT group_concat(`alias`, ' ') FROM `speaker_aliases` WHERE `speaker_id` = s.`id`), '')
	) AS `speaker`,
	trim(coalesce(q.`speaker_title`, '') || ' ' || coalesce(s.`description`, '')) AS `title`,
	trim(
		r.`name` || ' ' ||
		coalesce((SELECT group_concat(`alias`, ' ') FROM `outlet_aliases` WHERE `outlet_id` = r.`id`), '') || ' ' ||
		coalesce(c.`name`, '') || ' ' ||
		coalesce((SELECT group_concat(`alias`, ' ') FROM `outlet_aliases` WHERE `outlet_id` = c.`id`), '')
	) AS `outlets`
FROM `quotes` q
JOIN `articles` a ON a.`id` = q.`article_id`
JOIN `outlets` r ON r.`id` = a.`outlet_id`
LEFT JOIN `speakers` s ON s.`id` = q.`speaker_id`
LEFT JOIN `outlets` c ON c.`id` = q.`cited_outlet_id`;--> statement-breakpoint
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF `outlet_id` ON `articles` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (SELECT `id` FROM `quotes` WHERE `article_id` = new.`id`);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents`
	WHERE `id` IN (SELECT `id` FROM `quotes` WHERE `article_id` = new.`id`);
END;--> statement-breakpoint
CREATE TRIGGER `outlet_aliases_fts_delete` AFTER DELETE ON `outlet_aliases` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (
		SELECT q.`id` FROM `quotes` q JOIN `articles` a ON a.`id` = q.`article_id`
		WHERE a.`outlet_id` = old.`outlet_id` OR q.`cited_outlet_id` = old.`outlet_id`
	);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents` WHERE `id` IN (
		SELECT q.`id` FROM `quotes` q JOIN `articles` a ON a.`id` = q.`article_id`
		WHERE a.`outlet_id` = old.`outlet_id` OR q.`cited_outlet_id` = old.`outlet_id`
	);
END;--> statement-breakpoint
CREATE TRIGGER `outlet_aliases_fts_insert` AFTER INSERT ON `outlet_aliases` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (
		SELECT q.`id` FROM `quotes` q JOIN `articles` a ON a.`id` = q.`article_id`
		WHERE a.`outlet_id` = new.`outlet_id` OR q.`cited_outlet_id` = new.`outlet_id`
	);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents` WHERE `id` IN (
		SELECT q.`id` FROM `quotes` q JOIN `articles` a ON a.`id` = q.`article_id`
		WHERE a.`outlet_id` = new.`outlet_id` OR q.`cited_outlet_id` = new.`outlet_id`
	);
END;--> statement-breakpoint
CREATE TRIGGER `outlets_fts_update` AFTER UPDATE OF `name` ON `outlets` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (
		SELECT q.`id` FROM `quotes` q JOIN `articles` a ON a.`id` = q.`article_id`
		WHERE a.`outlet_id` = new.`id` OR q.`cited_outlet_id` = new.`id`
	);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents` WHERE `id` IN (
		SELECT q.`id` FROM `quotes` q JOIN `articles` a ON a.`id` = q.`article_id`
		WHERE a.`outlet_id` = new.`id` OR q.`cited_outlet_id` = new.`id`
	);
END;--> statement-breakpoint
CREATE TRIGGER `quotes_fts_delete` AFTER DELETE ON `quotes` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` = old.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `quotes_fts_update` AFTER UPDATE ON `quotes` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` = old.`id`;
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents` WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `speaker_aliases_fts_delete` AFTER DELETE ON `speaker_aliases` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = old.`speaker_id`);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents`
	WHERE `id` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = old.`speaker_id`);
END;--> statement-breakpoint
CREATE TRIGGER `speaker_aliases_fts_insert` AFTER INSERT ON `speaker_aliases` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = new.`speaker_id`);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents`
	WHERE `id` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = new.`speaker_id`);
END;--> statement-breakpoint
CREATE TRIGGER `speaker_titles_after_quote_delete` AFTER DELETE ON `quotes`
WHEN old.`speaker_id` IS NOT NULL AND old.`speaker_title` IS NOT NULL
BEGIN
	DELETE FROM `speaker_titles`
		WHERE `speaker_id` = old.`speaker_id` AND `title` = old.`speaker_title`
		AND NOT EXISTS (SELECT 1 FROM `quotes`
			WHERE `speaker_id` = old.`speaker_id` AND `speaker_title` = old.`speaker_title`);
END;--> statement-breakpoint
CREATE TRIGGER `speaker_titles_after_quote_update` AFTER UPDATE OF `speaker_id`, `speaker_title` ON `quotes`
BEGIN
	INSERT OR IGNORE INTO `speaker_titles` (`speaker_id`, `title`)
		SELECT new.`speaker_id`, new.`speaker_title`
		WHERE new.`speaker_id` IS NOT NULL AND new.`speaker_title` IS NOT NULL;
	DELETE FROM `speaker_titles`
		WHERE `speaker_id` = old.`speaker_id` AND `title` = old.`speaker_title`
		AND NOT EXISTS (SELECT 1 FROM `quotes`
			WHERE `speaker_id` = old.`speaker_id` AND `speaker_title` = old.`speaker_title`);
END;--> statement-breakpoint
CREATE TRIGGER `speakers_fts_update` AFTER UPDATE OF `name`, `description` ON `speakers` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = new.`id`);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents`
	WHERE `id` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = new.`id`);
END;
