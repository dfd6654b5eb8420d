-- Full-text search as quotedb reads it: accents folded (unaccent), words by their Snowball stems
-- (quotedb_english) or as written (quotedb_simple); and trigrams for names and typos (pg_trgm).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION quotedb_english (COPY = pg_catalog.english);--> statement-breakpoint
-- A hyphenated word is read as its parts alone (as SQLite's tokenizer reads it): the whole
-- compound would take a position of its own, and "well known author" would miss "well-known author".
ALTER TEXT SEARCH CONFIGURATION quotedb_english DROP MAPPING FOR asciihword, hword;--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION quotedb_english
  ALTER MAPPING FOR asciiword, hword_asciipart, word, hword_part WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION quotedb_simple (COPY = pg_catalog.simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION quotedb_simple DROP MAPPING FOR asciihword, hword;--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION quotedb_simple
  ALTER MAPPING FOR asciiword, hword_asciipart, word, hword_part WITH unaccent, simple;--> statement-breakpoint
-- The words of a text as SQLite's unicode61 tokenizer reads them: every ASCII punctuation mark
-- separates ("U.S." is u s, "e-mail" e mail, "3.5" 3 5); PostgreSQL's parser would read "U.S." as
-- a file name, "3.5" as a number. (Punctuation beyond ASCII it already reads as a separator.)
CREATE FUNCTION quotedb_words(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN regexp_replace($1, '[!-/:-@[-`{-~]', ' ', 'g');
