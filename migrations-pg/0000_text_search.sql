-- Full-text search as quotedb reads it: words as written, accents folded (unaccent). Other word
-- forms are found as SQLite finds them, by asking for each form (src/search/query.ts), so no
-- stemming configuration is needed; names and typos are matched in memory (MiniSearch), so no
-- trigram index is either.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION quotedb_simple (COPY = pg_catalog.simple);--> statement-breakpoint
-- A hyphenated word is read as its parts alone (as SQLite's tokenizer reads it): the whole
-- compound would take a position of its own, and "well known author" would miss "well-known author".
ALTER TEXT SEARCH CONFIGURATION quotedb_simple DROP MAPPING FOR asciihword, hword;--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION quotedb_simple
  ALTER MAPPING FOR asciiword, hword_asciipart, word, hword_part WITH unaccent, simple;--> statement-breakpoint
-- The words of a text as SQLite's unicode61 tokenizer reads them: every ASCII punctuation mark
-- separates ("U.S." is u s, "e-mail" e mail, "3.5" 3 5); PostgreSQL's parser would read "U.S." as
-- a file name, "3.5" as a number. (Punctuation beyond ASCII it already reads as a separator.)
CREATE FUNCTION quotedb_words(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN regexp_replace($1, '[!-/:-@[-`{-~]', ' ', 'g');
