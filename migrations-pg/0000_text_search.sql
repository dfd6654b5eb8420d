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
  ALTER MAPPING FOR asciiword, hword_asciipart, word, hword_part WITH unaccent, simple;
