CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`op` text NOT NULL,
	`removed_words` text
);
--> statement-breakpoint
CREATE TABLE `change_readers` (
	`reader` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_index_state` (
	`deferred` integer NOT NULL
);
--> statement-breakpoint
-- While a bulk writer adds many quotes in one statement after another, it writes their index rows
-- itself, a batch at a time, with one INSERT … SELECT from the view `quote_search_documents` (an
-- index row written after each quote makes FTS5 write out its pending data at every quote). Any
-- other insert — a hand-run statement included — is indexed by the trigger below.
INSERT INTO `search_index_state` (`deferred`) VALUES (0);
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_insert` AFTER INSERT ON `quotes`
WHEN (SELECT `deferred` FROM `search_index_state`) = 0
BEGIN
	INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker`, `title`, `outlets`)
	SELECT `id`, `text`, `speaker`, `title`, `outlets` FROM `quote_search_documents` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
-- Quotes. An update records the words it took out of the quote's own text and title; a change of
-- speaker or cited outlet records both, old and new, as `refs` (their names' words moved too).
CREATE TRIGGER `change_log_quote_insert` AFTER INSERT ON `quotes` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('quote', new.`id`, 'insert');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_quote_update` AFTER UPDATE ON `quotes` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`, `removed_words`) VALUES ('quote', new.`id`, 'update',
		CASE WHEN old.`text` IS NOT new.`text` OR old.`speaker_title` IS NOT new.`speaker_title`
			THEN old.`text` || ' ' || coalesce(old.`speaker_title`, '') END);
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`)
		SELECT 'speaker', `id`, 'refs' FROM (SELECT old.`speaker_id` AS `id` UNION SELECT new.`speaker_id`)
		WHERE `id` IS NOT NULL AND old.`speaker_id` IS NOT new.`speaker_id`;
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`)
		SELECT 'outlet', `id`, 'refs' FROM (SELECT old.`cited_outlet_id` AS `id` UNION SELECT new.`cited_outlet_id`)
		WHERE `id` IS NOT NULL AND old.`cited_outlet_id` IS NOT new.`cited_outlet_id`;
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`)
		SELECT 'outlet', `outlet_id`, 'refs' FROM `articles`
		WHERE `id` IN (old.`article_id`, new.`article_id`) AND old.`article_id` IS NOT new.`article_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_quote_delete` AFTER DELETE ON `quotes` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`, `removed_words`)
		VALUES ('quote', old.`id`, 'delete', old.`text` || ' ' || coalesce(old.`speaker_title`, ''));
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`)
		SELECT 'speaker', old.`speaker_id`, 'refs' WHERE old.`speaker_id` IS NOT NULL;
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`)
		SELECT 'outlet', old.`cited_outlet_id`, 'refs' WHERE old.`cited_outlet_id` IS NOT NULL;
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`)
		SELECT 'outlet', `outlet_id`, 'refs' FROM `articles` WHERE `id` = old.`article_id`;
END;
--> statement-breakpoint
-- Articles. Moving one to another outlet changes the reporting outlet of all its quotes.
CREATE TRIGGER `change_log_article_insert` AFTER INSERT ON `articles` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('article', new.`id`, 'insert');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_article_update` AFTER UPDATE ON `articles` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('article', new.`id`, 'update');
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`)
		SELECT 'outlet', `id`, 'refs' FROM (SELECT old.`outlet_id` AS `id` UNION SELECT new.`outlet_id`)
		WHERE old.`outlet_id` IS NOT new.`outlet_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_article_delete` AFTER DELETE ON `articles` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('article', old.`id`, 'delete');
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('outlet', old.`outlet_id`, 'refs');
END;
--> statement-breakpoint
-- Speakers: an update or delete records the words of the name and description it took away.
CREATE TRIGGER `change_log_speaker_insert` AFTER INSERT ON `speakers` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('speaker', new.`id`, 'insert');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_speaker_update` AFTER UPDATE ON `speakers` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`, `removed_words`) VALUES ('speaker', new.`id`, 'update',
		CASE WHEN old.`name` IS NOT new.`name` OR old.`description` IS NOT new.`description`
			THEN old.`name` || ' ' || coalesce(old.`description`, '') END);
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_speaker_delete` AFTER DELETE ON `speakers` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`, `removed_words`)
		VALUES ('speaker', old.`id`, 'delete', old.`name` || ' ' || coalesce(old.`description`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_speaker_alias_insert` AFTER INSERT ON `speaker_aliases` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('speaker', new.`speaker_id`, 'names');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_speaker_alias_delete` AFTER DELETE ON `speaker_aliases` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`, `removed_words`)
		VALUES ('speaker', old.`speaker_id`, 'names', old.`alias`);
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_speaker_title_insert` AFTER INSERT ON `speaker_titles` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('speaker', new.`speaker_id`, 'titles');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_speaker_title_delete` AFTER DELETE ON `speaker_titles` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('speaker', old.`speaker_id`, 'titles');
END;
--> statement-breakpoint
-- Outlets, as speakers.
CREATE TRIGGER `change_log_outlet_insert` AFTER INSERT ON `outlets` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('outlet', new.`id`, 'insert');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_outlet_update` AFTER UPDATE ON `outlets` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`, `removed_words`) VALUES ('outlet', new.`id`, 'update',
		CASE WHEN old.`name` IS NOT new.`name` THEN old.`name` END);
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_outlet_delete` AFTER DELETE ON `outlets` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`, `removed_words`)
		VALUES ('outlet', old.`id`, 'delete', old.`name`);
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_outlet_alias_insert` AFTER INSERT ON `outlet_aliases` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`) VALUES ('outlet', new.`outlet_id`, 'names');
END;
--> statement-breakpoint
CREATE TRIGGER `change_log_outlet_alias_delete` AFTER DELETE ON `outlet_aliases` BEGIN
	INSERT INTO `change_log` (`entity`, `entity_id`, `op`, `removed_words`)
		VALUES ('outlet', old.`outlet_id`, 'names', old.`alias`);
END;
