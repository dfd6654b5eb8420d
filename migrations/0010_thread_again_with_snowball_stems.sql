-- Paraphrases are now compared by Snowball (Porter2) stems, and their fingerprints are made from
-- them: the statements already stored are threaded again by the first write after this migration
-- (a null position, as after the migration that made threads).
UPDATE `thread_state` SET `position` = NULL;
