-- How far the change feed was pruned: positions have holes in PostgreSQL (a rolled-back write's
-- are never used), so a reader tells a pruned entry from a hole by this, not by position + 1.
CREATE TABLE "change_feed_state" (
	"pruned_through" bigint NOT NULL
);--> statement-breakpoint
INSERT INTO "change_feed_state" ("pruned_through") VALUES (0);
