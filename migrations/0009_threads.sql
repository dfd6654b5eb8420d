CREATE TABLE `quote_fingerprints` (
	`fingerprint` integer NOT NULL,
	`quote_id` integer NOT NULL,
	`speaker` integer NOT NULL,
	PRIMARY KEY(`fingerprint`, `quote_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `quote_threads` (
	`quote_id` integer PRIMARY KEY NOT NULL,
	`thread_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quote_threads_thread` ON `quote_threads` (`thread_id`);--> statement-breakpoint
CREATE TABLE `thread_state` (
	`position` integer
);
--> statement-breakpoint
CREATE TABLE `threads` (
	`id` integer PRIMARY KEY NOT NULL,
	`statements` integer NOT NULL,
	`outlets` integer NOT NULL
);
--> statement-breakpoint
-- Null: the statements already stored are threaded by the first write after this migration.
INSERT INTO `thread_state` (`position`) VALUES (NULL);
