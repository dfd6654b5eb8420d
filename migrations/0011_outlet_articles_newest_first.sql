DROP INDEX `articles_outlet`;--> statement-breakpoint
CREATE INDEX `articles_outlet` ON `articles` (`outlet_id`,`published_on`,`id`);