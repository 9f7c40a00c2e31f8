-- Change notifications for the API's read caches (apps/api/src/read-cache.ts).
-- Every statement that changes a table a cached page reads sends one NOTIFY on the channel
-- "cadre_changes" naming what changed; PostgreSQL delivers it when the transaction commits (never
-- for a rolled-back one) to every API replica that listens. Statement-level triggers: a bulk write
-- of 100,000 results sends one message per statement, not per row, and takes no lock.

-- EvaluationResult: one message per cycle the statement touched ('EvaluationResult:<cycleId>')
CREATE FUNCTION "notify_result_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cadre_changes', 'EvaluationResult:' || cycles."cycleId")
    FROM (SELECT DISTINCT "cycleId" FROM changed_rows) AS cycles;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "EvaluationResult_notify_insert"
  AFTER INSERT ON "EvaluationResult" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_result_change"();

CREATE TRIGGER "EvaluationResult_notify_update"
  AFTER UPDATE ON "EvaluationResult" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_result_change"();

CREATE TRIGGER "EvaluationResult_notify_delete"
  AFTER DELETE ON "EvaluationResult" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_result_change"();

-- Person, Unit, Cycle: rarely written, so one message naming the table
CREATE FUNCTION "notify_table_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cadre_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Person_notify"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Person"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_table_change"();

CREATE TRIGGER "Unit_notify"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_table_change"();

CREATE TRIGGER "Cycle_notify"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Cycle"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_table_change"();

CREATE TRIGGER "EvaluationResult_notify_truncate"
  AFTER TRUNCATE ON "EvaluationResult"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_table_change"();
