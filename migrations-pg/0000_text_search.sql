-- Full-text search as quotedb reads it: the words of a text as SQLite's tokenizer and
-- src/search/normalize.ts read them (quotedb_words), held as written (quotedb_simple). Other word
-- forms are found as SQLite finds them, by asking for each form (src/search/query.ts), so no
-- stemming configuration is needed; names and typos are matched in memory (MiniSearch), so no
-- trigram index is either.
CREATE TEXT SEARCH CONFIGURATION quotedb_simple (COPY = pg_catalog.simple);--> statement-breakpoint
-- A hyphenated word is read as its parts alone (as SQLite's tokenizer reads it): the whole
-- compound would take a position of its own, and "well known author" would miss "well-known author".
ALTER TEXT SEARCH CONFIGURATION quotedb_simple DROP MAPPING FOR asciihword, hword;--> statement-breakpoint
-- The words of a text as foldWord and tokenize read them (src/search/normalize.ts): composed
-- (NFC), lower case in every script (ICU's rules, not the database's locale), the accents of
-- Latin letters removed (the letters of Latin-1 Supplement to Latin Extended-B and Latin Extended
-- Additional, mapped to their base letter), a final sigma as σ, and anything that is neither a
-- letter nor a digit a separator: "U.S." is u s, "government’s" government s, "3.5" 3 5.
-- PostgreSQL's own parser, in a C locale, would keep ’ and “ in the word beside them. (Numbers
-- that are not digits, such as ½ and ², separate words here; the search keeps them as words.)
CREATE FUNCTION quotedb_words(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN replace(
    regexp_replace(
      translate(
        -- (İ lower-cases to i and a combining dot, which the search folds to i.)
        replace(lower(normalize($1, NFC) COLLATE "und-x-icu"), U&'i\0307', 'i'),
        'àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǣǧǩǫǭǯǰǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙẛạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
        'aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaaægkooʒjgnaæøaaeeiioorruusthaeooooyabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwyſaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyy'),
      '[^[:alnum:]]+', ' ', 'g'),
    'ς', 'σ');
