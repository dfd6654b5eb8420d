CREATE TABLE `speaker_titles` (
	`speaker_id` integer NOT NULL,
	`title` text NOT NULL,
	PRIMARY KEY(`speaker_id`, `title`),
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The titles already in use.
INSERT OR IGNORE INTO `speaker_titles` (`speaker_id`, `title`)
	SELECT DISTINCT `speaker_id`, `speaker_title` FROM `quotes`
	WHERE `speaker_id` IS NOT NULL AND `speaker_title` IS NOT NULL;
--> statement-breakpoint
-- Kept in step inside every writing transaction: a title joins when a quote uses it, and leaves
-- when the last quote using it for that speaker is deleted or changed.
CREATE TRIGGER `speaker_titles_after_quote_insert` AFTER INSERT ON `quotes`
WHEN new.`speaker_id` IS NOT NULL AND new.`speaker_title` IS NOT NULL
BEGIN
	INSERT OR IGNORE INTO `speaker_titles` (`speaker_id`, `title`) VALUES (new.`speaker_id`, new.`speaker_title`);
END;
--> statement-breakpoint
CREATE TRIGGER `speaker_titles_after_quote_update` AFTER UPDATE OF `speaker_id`, `speaker_title` ON `quotes`
BEGIN
	INSERT OR IGNORE INTO `speaker_titles` (`speaker_id`, `title`)
		SELECT new.`speaker_id`, new.`speaker_title`
		WHERE new.`speaker_id` IS NOT NULL AND new.`speaker_title` IS NOT NULL;
	DELETE FROM `speaker_titles`
		WHERE `speaker_id` = old.`speaker_id` AND `title` = old.`speaker_title`
		AND NOT EXISTS (SELECT 1 FROM `quotes`
			WHERE `speaker_id` = old.`speaker_id` AND `speaker_title` = old.`speaker_title`);
END;
--> statement-breakpoint
CREATE TRIGGER `speaker_titles_after_quote_delete` AFTER DELETE ON `quotes`
WHEN old.`speaker_id` IS NOT NULL AND old.`speaker_title` IS NOT NULL
BEGIN
	DELETE FROM `speaker_titles`
		WHERE `speaker_id` = old.`speaker_id` AND `title` = old.`speaker_title`
		AND NOT EXISTS (SELECT 1 FROM `quotes`
			WHERE `speaker_id` = old.`speaker_id` AND `speaker_title` = old.`speaker_title`);
END;
