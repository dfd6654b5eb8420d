-- The insert trigger of 0004 made every quote insert open a statement journal, and FTS5 writes its
-- pending index data out at each one: an import at a million quotes ran ten times slower. The
-- bundle writer, the one place quotes are inserted, adds a new quote's title itself; the update and
-- delete triggers stay.
DROP TRIGGER `speaker_titles_after_quote_insert`;
