-- The change feed, as SQLite's (migrations/0008): every change to quotes, articles, speakers and
-- outlets recorded in change_log by triggers in the writing transaction, whoever makes it; and a
-- NOTIFY on quotedb_changes once per statement that recorded any, so that every server reading the
-- feed wakes at once (LISTEN) instead of polling.
--
-- Positions are handed out when an entry is written, not when its transaction commits: two
-- writing transactions at once (two servers) could commit 101 before 100, and a reader at 101
-- would never read 100. So a transaction that records a change holds the feed's lock until it
-- commits or rolls back: feed writers go one at a time, and positions commit in order. (A
-- rolled-back write still leaves its positions unused: a reader cannot take a hole for entries
-- pruned.)
CREATE FUNCTION quotedb_log(entity text, entity_id integer, op text, removed text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('quotedb change_log'));
  INSERT INTO change_log (entity, entity_id, op, removed_words) VALUES (entity, entity_id, op, removed);
END $$;--> statement-breakpoint

CREATE FUNCTION quotedb_log_quote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM quotedb_log('quote', NEW.id, 'insert');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM quotedb_log('quote', NEW.id, 'update',
      CASE WHEN OLD.text IS DISTINCT FROM NEW.text OR OLD.speaker_title IS DISTINCT FROM NEW.speaker_title
        THEN OLD.text || ' ' || coalesce(OLD.speaker_title, '') END);
    IF OLD.speaker_id IS DISTINCT FROM NEW.speaker_id THEN
      PERFORM quotedb_log('speaker', id, 'refs')
        FROM (SELECT OLD.speaker_id AS id UNION SELECT NEW.speaker_id) s WHERE id IS NOT NULL;
    END IF;
    IF OLD.cited_outlet_id IS DISTINCT FROM NEW.cited_outlet_id THEN
      PERFORM quotedb_log('outlet', id, 'refs')
        FROM (SELECT OLD.cited_outlet_id AS id UNION SELECT NEW.cited_outlet_id) o WHERE id IS NOT NULL;
    END IF;
    IF OLD.article_id IS DISTINCT FROM NEW.article_id THEN
      PERFORM quotedb_log('outlet', outlet_id, 'refs')
        FROM articles WHERE id IN (OLD.article_id, NEW.article_id);
    END IF;
  ELSE
    PERFORM quotedb_log('quote', OLD.id, 'delete', OLD.text || ' ' || coalesce(OLD.speaker_title, ''));
    IF OLD.speaker_id IS NOT NULL THEN PERFORM quotedb_log('speaker', OLD.speaker_id, 'refs'); END IF;
    IF OLD.cited_outlet_id IS NOT NULL THEN
      PERFORM quotedb_log('outlet', OLD.cited_outlet_id, 'refs');
    END IF;
    PERFORM quotedb_log('outlet', outlet_id, 'refs') FROM articles WHERE id = OLD.article_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- (Not the search_* columns: a name changed is an entry of its own, for the speaker or outlet.)
CREATE TRIGGER change_log_quote AFTER INSERT OR DELETE OR UPDATE OF article_id, speaker_id, text,
  kind, cue, speaker_title, audience, cited_outlet_id, said_earliest, said_latest, said_phrase,
  start, "end", extraction ON quotes
  FOR EACH ROW EXECUTE FUNCTION quotedb_log_quote();--> statement-breakpoint

-- Articles. Moving one to another outlet changes the reporting outlet of all its quotes.
CREATE FUNCTION quotedb_log_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM quotedb_log('article', NEW.id, 'insert');
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM quotedb_log('article', NEW.id, 'update');
    IF OLD.outlet_id IS DISTINCT FROM NEW.outlet_id THEN
      PERFORM quotedb_log('outlet', OLD.outlet_id, 'refs');
      PERFORM quotedb_log('outlet', NEW.outlet_id, 'refs');
    END IF;
  ELSE
    PERFORM quotedb_log('article', OLD.id, 'delete');
    PERFORM quotedb_log('outlet', OLD.outlet_id, 'refs');
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER change_log_article AFTER INSERT OR UPDATE OR DELETE ON articles
  FOR EACH ROW EXECUTE FUNCTION quotedb_log_article();--> statement-breakpoint

-- Speakers and outlets: an update or delete records the words of the names it took away.
CREATE FUNCTION quotedb_log_named() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entity text := CASE TG_TABLE_NAME WHEN 'speakers' THEN 'speaker' ELSE 'outlet' END;
  old_words text;
  new_words text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM quotedb_log(entity, NEW.id, 'insert');
    RETURN NULL;
  END IF;
  old_words := CASE entity WHEN 'speaker' THEN OLD.name || ' ' || coalesce(to_jsonb(OLD) ->> 'description', '')
    ELSE OLD.name END;
  IF TG_OP = 'UPDATE' THEN
    new_words := CASE entity WHEN 'speaker' THEN NEW.name || ' ' || coalesce(to_jsonb(NEW) ->> 'description', '')
      ELSE NEW.name END;
    PERFORM quotedb_log(entity, NEW.id, 'update',
      CASE WHEN old_words IS DISTINCT FROM new_words THEN old_words END);
  ELSE
    PERFORM quotedb_log(entity, OLD.id, 'delete', old_words);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER change_log_speaker AFTER INSERT OR UPDATE OR DELETE ON speakers
  FOR EACH ROW EXECUTE FUNCTION quotedb_log_named();--> statement-breakpoint
CREATE TRIGGER change_log_outlet AFTER INSERT OR UPDATE OR DELETE ON outlets
  FOR EACH ROW EXECUTE FUNCTION quotedb_log_named();--> statement-breakpoint

-- Aliases ('names') and speakers' titles ('titles').
CREATE FUNCTION quotedb_log_alias() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  entity text := CASE WHEN row_data ? 'speaker_id' THEN 'speaker' ELSE 'outlet' END;
  id integer := coalesce(row_data ->> 'speaker_id', row_data ->> 'outlet_id')::integer;
  op text := CASE TG_TABLE_NAME WHEN 'speaker_titles' THEN 'titles' ELSE 'names' END;
BEGIN
  PERFORM quotedb_log(entity, id, op,
    CASE WHEN TG_OP = 'DELETE' AND op = 'names' THEN row_data ->> 'alias' END);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER change_log_speaker_alias AFTER INSERT OR DELETE ON speaker_aliases
  FOR EACH ROW EXECUTE FUNCTION quotedb_log_alias();--> statement-breakpoint
CREATE TRIGGER change_log_outlet_alias AFTER INSERT OR DELETE ON outlet_aliases
  FOR EACH ROW EXECUTE FUNCTION quotedb_log_alias();--> statement-breakpoint
CREATE TRIGGER change_log_speaker_title AFTER INSERT OR DELETE ON speaker_titles
  FOR EACH ROW EXECUTE FUNCTION quotedb_log_alias();--> statement-breakpoint

-- A wake-up for the readers. The payload is empty on purpose: PostgreSQL sends one notification
-- per transaction for identical ones, so an import of a million rows wakes each reader once, at
-- its commit; a reader then reads the feed from its own position.
CREATE FUNCTION quotedb_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('quotedb_changes', '');
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER change_log_notify AFTER INSERT ON change_log
  FOR EACH STATEMENT EXECUTE FUNCTION quotedb_notify_changes();--> statement-breakpoint
-- Nothing pruned yet (see change_feed_state).
INSERT INTO change_feed_state (pruned_through) VALUES (0);
