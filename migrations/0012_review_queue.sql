-- The review queue: extracted statements (extraction evidence present), least sure first.
CREATE INDEX `quotes_review_queue` ON `quotes` (json_extract(`extraction`, '$.confidence'), `id`) WHERE `extraction` IS NOT NULL;
