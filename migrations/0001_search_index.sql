-- The document index: one FTS5 row per quote, over its text and the names that should find it.
-- Kept in step with the tables by the triggers below, inside the writing transaction, so the index
-- can never drift from the data and needs no rebuild at start.
--
-- Columns, in the order the bm25 weights in src/search/options.ts refer to them:
--   text     the quote as printed
--   speaker  the speaker's name and every alias
--   title    the speaker's title as the article gives it, and the speaker's description
--   outlets  the reporting outlet's and the cited outlet's names and aliases
CREATE VIRTUAL TABLE `quotes_fts` USING fts5(
	`text`, `speaker`, `title`, `outlets`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Every indexed term with the number of quotes it occurs in: the vocabulary for typo correction.
CREATE VIRTUAL TABLE `quotes_fts_vocab` USING fts5vocab(`quotes_fts`, 'row');
--> statement-breakpoint
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
LEFT JOIN `outlets` c ON c.`id` = q.`cited_outlet_id`;
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_insert` AFTER INSERT ON `quotes` BEGIN
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_delete` AFTER DELETE ON `quotes` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_update` AFTER UPDATE ON `quotes` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` = old.`id`;
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- A speaker's names and description are in the documents of all their quotes.
CREATE TRIGGER `speakers_fts_update` AFTER UPDATE OF `name`, `description` ON `speakers` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = new.`id`);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents`
	WHERE `id` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `speaker_aliases_fts_insert` AFTER INSERT ON `speaker_aliases` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = new.`speaker_id`);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents`
	WHERE `id` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = new.`speaker_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `speaker_aliases_fts_delete` AFTER DELETE ON `speaker_aliases` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = old.`speaker_id`);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents`
	WHERE `id` IN (SELECT `id` FROM `quotes` WHERE `speaker_id` = old.`speaker_id`);
END;
--> statement-breakpoint
-- An outlet's names are in the documents of the quotes it published and the quotes it is cited for.
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
END;
--> statement-breakpoint
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
END;
--> statement-breakpoint
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
END;
--> statement-breakpoint
-- Moving an article to another outlet changes the reporting outlet of all its quotes.
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF `outlet_id` ON `articles` BEGIN
	DELETE FROM `quotes_fts` WHERE `rowid` IN (SELECT `id` FROM `quotes` WHERE `article_id` = new.`id`);
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents`
	WHERE `id` IN (SELECT `id` FROM `quotes` WHERE `article_id` = new.`id`);
END;
