-- The names that find a quote, as SQLite's document index holds them (migrations/0001): the
-- speaker's name and aliases, the speaker's title and description, and the names and aliases of the
-- reporting and the cited outlet. Copied onto each quote (search_speaker, search_title,
-- search_outlets) so that its generated search document can hold them; kept in step here, in the
-- writing transaction, whatever changes a name.
CREATE FUNCTION quotedb_speaker_words(speaker integer) RETURNS text
  LANGUAGE sql STABLE
  RETURN coalesce((
    SELECT btrim(s.name || ' ' || coalesce((
      SELECT string_agg(alias, ' ' ORDER BY alias) FROM speaker_aliases WHERE speaker_id = s.id), ''))
    FROM speakers s WHERE s.id = speaker), '');--> statement-breakpoint

CREATE FUNCTION quotedb_title_words(title text, speaker integer) RETURNS text
  LANGUAGE sql STABLE
  RETURN btrim(coalesce(title, '') || ' ' ||
    coalesce((SELECT description FROM speakers WHERE id = speaker), ''));--> statement-breakpoint

CREATE FUNCTION quotedb_outlet_words(outlet integer) RETURNS text
  LANGUAGE sql STABLE
  RETURN coalesce((
    SELECT btrim(o.name || ' ' || coalesce((
      SELECT string_agg(alias, ' ' ORDER BY alias) FROM outlet_aliases WHERE outlet_id = o.id), ''))
    FROM outlets o WHERE o.id = outlet), '');--> statement-breakpoint

-- (PL/pgSQL, not SQL: an SQL function calling others inside a sub-select is planned again on
-- every call, and made each quote written cost almost a millisecond.)
CREATE FUNCTION quotedb_outlets_words(article integer, cited integer) RETURNS text
  LANGUAGE plpgsql STABLE AS $$
DECLARE
  reporting integer;
BEGIN
  SELECT outlet_id INTO reporting FROM articles WHERE id = article;
  RETURN btrim(quotedb_outlet_words(reporting) || ' ' || quotedb_outlet_words(cited));
END $$;--> statement-breakpoint

-- A quote written or moved: its names read afresh.
CREATE FUNCTION quotedb_quote_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_speaker := quotedb_speaker_words(NEW.speaker_id);
  NEW.search_title := quotedb_title_words(NEW.speaker_title, NEW.speaker_id);
  NEW.search_outlets := quotedb_outlets_words(NEW.article_id, NEW.cited_outlet_id);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER quote_names BEFORE INSERT OR UPDATE OF article_id, speaker_id, cited_outlet_id, speaker_title
  ON quotes FOR EACH ROW EXECUTE FUNCTION quotedb_quote_names();--> statement-breakpoint

-- A speaker renamed or described anew: its quotes' names. (Only when they changed: a PATCH that
-- sends the same name again rewrites nothing.)
CREATE FUNCTION quotedb_speaker_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE quotes SET search_speaker = quotedb_speaker_words(NEW.id),
    search_title = quotedb_title_words(speaker_title, NEW.id)
  WHERE speaker_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER speaker_names AFTER UPDATE OF name, description ON speakers
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.description IS DISTINCT FROM NEW.description)
  EXECUTE FUNCTION quotedb_speaker_names();--> statement-breakpoint

-- Aliases added or taken away: the quotes of each speaker touched, once per statement (aliases are
-- replaced as a list, row by row: a trigger per row would rewrite the quotes once per alias).
-- (PostgreSQL gives a trigger with transition tables one event: one trigger each.)
CREATE FUNCTION quotedb_speaker_alias_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE quotes SET search_speaker = quotedb_speaker_words(speaker_id)
    WHERE speaker_id IN (SELECT speaker_id FROM changed_new);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE quotes SET search_speaker = quotedb_speaker_words(speaker_id)
    WHERE speaker_id IN (SELECT speaker_id FROM changed_old);
  ELSE
    UPDATE quotes SET search_speaker = quotedb_speaker_words(speaker_id)
    WHERE speaker_id IN (SELECT speaker_id FROM changed_old UNION SELECT speaker_id FROM changed_new);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER speaker_aliases_added AFTER INSERT ON speaker_aliases
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION quotedb_speaker_alias_names();--> statement-breakpoint
CREATE TRIGGER speaker_aliases_removed AFTER DELETE ON speaker_aliases
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION quotedb_speaker_alias_names();--> statement-breakpoint
-- An alias edited in place, or moved to another speaker (a merge): both speakers' quotes.
CREATE TRIGGER speaker_aliases_edited AFTER UPDATE ON speaker_aliases
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION quotedb_speaker_alias_names();--> statement-breakpoint

-- An outlet renamed: the names of the quotes it reported or is cited for.
CREATE FUNCTION quotedb_outlet_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE quotes SET search_outlets = quotedb_outlets_words(article_id, cited_outlet_id)
  WHERE cited_outlet_id = NEW.id OR article_id IN (SELECT id FROM articles WHERE outlet_id = NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER outlet_names AFTER UPDATE OF name ON outlets
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION quotedb_outlet_names();--> statement-breakpoint

-- Outlet aliases added or taken away, once per statement as for speakers.
CREATE FUNCTION quotedb_outlet_alias_names() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT outlet_id) INTO touched FROM changed_new;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT outlet_id) INTO touched FROM changed_old;
  ELSE
    SELECT array_agg(DISTINCT outlet_id) INTO touched
    FROM (SELECT outlet_id FROM changed_old UNION SELECT outlet_id FROM changed_new) o;
  END IF;
  UPDATE quotes SET search_outlets = quotedb_outlets_words(article_id, cited_outlet_id)
  WHERE cited_outlet_id = ANY(touched)
    OR article_id IN (SELECT id FROM articles WHERE outlet_id = ANY(touched));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER outlet_aliases_added AFTER INSERT ON outlet_aliases
  REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION quotedb_outlet_alias_names();--> statement-breakpoint
CREATE TRIGGER outlet_aliases_removed AFTER DELETE ON outlet_aliases
  REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION quotedb_outlet_alias_names();--> statement-breakpoint
CREATE TRIGGER outlet_aliases_edited AFTER UPDATE ON outlet_aliases
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION quotedb_outlet_alias_names();--> statement-breakpoint

-- An article moved to another outlet: its quotes' reporting outlet.
CREATE FUNCTION quotedb_article_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE quotes SET search_outlets = quotedb_outlets_words(article_id, cited_outlet_id)
  WHERE article_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER article_names AFTER UPDATE OF outlet_id ON articles
  FOR EACH ROW WHEN (OLD.outlet_id IS DISTINCT FROM NEW.outlet_id)
  EXECUTE FUNCTION quotedb_article_names();--> statement-breakpoint

-- The threads start with every statement to take in (see src/db/thread-upkeep.ts).
INSERT INTO thread_state (position) VALUES (NULL);
