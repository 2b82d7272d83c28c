-- The pulse's monthly summaries (decision 0017), kept current in the same transaction as every
-- change of their source rows. Statement-level triggers with transition tables add up a bulk
-- change in one statement; a meeting's delete is taken off row by row before the cascade
-- removes its agenda items. Each summary belongs to the module that owns its source table.

-- signals → signal_month_counts (pending public submissions are not counted)
CREATE FUNCTION signal_month_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO signal_month_counts AS c (network_id, month, theme, raised_by, n)
    SELECT network_id, to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), theme, raised_by, count(*)
    FROM new_rows WHERE status <> 'pending' GROUP BY 1, 2, 3, 4
    ON CONFLICT (network_id, month, theme, raised_by) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO signal_month_counts AS c (network_id, month, theme, raised_by, n)
    SELECT network_id, to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), theme, raised_by, -count(*)
    FROM old_rows WHERE status <> 'pending' GROUP BY 1, 2, 3, 4
    ON CONFLICT (network_id, month, theme, raised_by) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO signal_month_counts AS c (network_id, month, theme, raised_by, n)
    SELECT network_id, month, theme, raised_by, sum(d) FROM (
      SELECT network_id, to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM') AS month, theme, raised_by, 1 AS d
      FROM new_rows WHERE status <> 'pending'
      UNION ALL
      SELECT network_id, to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), theme, raised_by, -1
      FROM old_rows WHERE status <> 'pending'
    ) delta GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0
    ON CONFLICT (network_id, month, theme, raised_by) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER signal_month_counts_insert AFTER INSERT ON signals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION signal_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER signal_month_counts_update AFTER UPDATE ON signals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION signal_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER signal_month_counts_delete AFTER DELETE ON signals REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION signal_month_counts_track();
--> statement-breakpoint
INSERT INTO signal_month_counts (network_id, month, theme, raised_by, n)
SELECT network_id, to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), theme, raised_by, count(*)
FROM signals WHERE status <> 'pending' GROUP BY 1, 2, 3, 4;
--> statement-breakpoint

-- decisions → decision_month_counts (decided and reviewed ones, by the month of decided_on)
CREATE FUNCTION decision_month_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO decision_month_counts AS c (network_id, month, effect, involvement, n)
    SELECT network_id, to_char(decided_on, 'YYYY-MM'), effect, involvement, count(*)
    FROM new_rows WHERE status IN ('decided', 'reviewed') AND decided_on IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (network_id, month, effect, involvement) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO decision_month_counts AS c (network_id, month, effect, involvement, n)
    SELECT network_id, to_char(decided_on, 'YYYY-MM'), effect, involvement, -count(*)
    FROM old_rows WHERE status IN ('decided', 'reviewed') AND decided_on IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (network_id, month, effect, involvement) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO decision_month_counts AS c (network_id, month, effect, involvement, n)
    SELECT network_id, month, effect, involvement, sum(d) FROM (
      SELECT network_id, to_char(decided_on, 'YYYY-MM') AS month, effect, involvement, 1 AS d
      FROM new_rows WHERE status IN ('decided', 'reviewed') AND decided_on IS NOT NULL
      UNION ALL
      SELECT network_id, to_char(decided_on, 'YYYY-MM'), effect, involvement, -1
      FROM old_rows WHERE status IN ('decided', 'reviewed') AND decided_on IS NOT NULL
    ) delta GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0
    ON CONFLICT (network_id, month, effect, involvement) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER decision_month_counts_insert AFTER INSERT ON decisions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION decision_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER decision_month_counts_update AFTER UPDATE ON decisions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION decision_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER decision_month_counts_delete AFTER DELETE ON decisions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION decision_month_counts_track();
--> statement-breakpoint
INSERT INTO decision_month_counts (network_id, month, effect, involvement, n)
SELECT network_id, to_char(decided_on, 'YYYY-MM'), effect, involvement, count(*)
FROM decisions WHERE status IN ('decided', 'reviewed') AND decided_on IS NOT NULL GROUP BY 1, 2, 3, 4;
--> statement-breakpoint

-- meetings, their agenda items and named attendance → meeting_month_counts (meetings not cancelled, by the
-- Amsterdam month they start in). A meeting's share: its agenda, its named attendees and the
-- unnamed attendance on its row.
CREATE FUNCTION meeting_month_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO meeting_month_counts AS c (network_id, month, other_residents, other_professionals)
    SELECT network_id, to_char(starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), sum(other_residents), sum(other_professionals)
    FROM new_rows WHERE cancelled_at IS NULL GROUP BY 1, 2
    ON CONFLICT (network_id, month) DO UPDATE SET
      other_residents = c.other_residents + excluded.other_residents,
      other_professionals = c.other_professionals + excluded.other_professionals;
  ELSE
    -- An update: the new share less the old one (agenda and attendance stay as they are).
    INSERT INTO meeting_month_counts AS c (network_id, month, agenda_from_residents, agenda_from_professionals, named_attendees, other_residents, other_professionals)
    SELECT network_id, month, sum(d * ar), sum(d * ap), sum(d * na), sum(d * o_r), sum(d * o_p) FROM (
      SELECT m.network_id, to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM') AS month, m.d,
        (SELECT count(*) FROM meeting_agenda_items a WHERE a.meeting_id = m.id AND a.origin = 'resident') AS ar,
        (SELECT count(*) FROM meeting_agenda_items a WHERE a.meeting_id = m.id AND a.origin = 'professional') AS ap,
        (SELECT count(*) FROM meeting_attendance t WHERE t.meeting_id = m.id) AS na,
        m.other_residents AS o_r, m.other_professionals AS o_p
      FROM (SELECT *, 1 AS d FROM new_rows UNION ALL SELECT *, -1 FROM old_rows) m
      WHERE m.cancelled_at IS NULL
    ) delta GROUP BY 1, 2
    HAVING sum(d * ar) <> 0 OR sum(d * ap) <> 0 OR sum(d * na) <> 0 OR sum(d * o_r) <> 0 OR sum(d * o_p) <> 0
    ON CONFLICT (network_id, month) DO UPDATE SET
      agenda_from_residents = c.agenda_from_residents + excluded.agenda_from_residents,
      agenda_from_professionals = c.agenda_from_professionals + excluded.agenda_from_professionals,
      named_attendees = c.named_attendees + excluded.named_attendees,
      other_residents = c.other_residents + excluded.other_residents,
      other_professionals = c.other_professionals + excluded.other_professionals;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION meeting_month_counts_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Before the row goes (and the cascade takes its agenda items and attendance): take its
  -- share off.
  IF OLD.cancelled_at IS NULL THEN
    UPDATE meeting_month_counts SET
      agenda_from_residents = agenda_from_residents - (SELECT count(*) FROM meeting_agenda_items a WHERE a.meeting_id = OLD.id AND a.origin = 'resident'),
      agenda_from_professionals = agenda_from_professionals - (SELECT count(*) FROM meeting_agenda_items a WHERE a.meeting_id = OLD.id AND a.origin = 'professional'),
      named_attendees = named_attendees - (SELECT count(*) FROM meeting_attendance t WHERE t.meeting_id = OLD.id),
      other_residents = other_residents - OLD.other_residents,
      other_professionals = other_professionals - OLD.other_professionals
    WHERE network_id = OLD.network_id
      AND month = to_char(OLD.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM');
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_month_counts_insert AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER meeting_month_counts_update AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER meeting_month_counts_delete BEFORE DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION meeting_month_counts_forget();
--> statement-breakpoint
CREATE FUNCTION meeting_agenda_month_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Agenda items of a meeting that is gone (the cascade of its delete) were taken off before.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO meeting_month_counts AS c (network_id, month, agenda_from_residents, agenda_from_professionals)
    SELECT m.network_id, to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'),
      count(*) FILTER (WHERE a.origin = 'resident'), count(*) FILTER (WHERE a.origin = 'professional')
    FROM new_rows a JOIN meetings m ON m.id = a.meeting_id WHERE m.cancelled_at IS NULL GROUP BY 1, 2
    ON CONFLICT (network_id, month) DO UPDATE SET
      agenda_from_residents = c.agenda_from_residents + excluded.agenda_from_residents,
      agenda_from_professionals = c.agenda_from_professionals + excluded.agenda_from_professionals;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO meeting_month_counts AS c (network_id, month, agenda_from_residents, agenda_from_professionals)
    SELECT m.network_id, to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'),
      -count(*) FILTER (WHERE a.origin = 'resident'), -count(*) FILTER (WHERE a.origin = 'professional')
    FROM old_rows a JOIN meetings m ON m.id = a.meeting_id WHERE m.cancelled_at IS NULL GROUP BY 1, 2
    ON CONFLICT (network_id, month) DO UPDATE SET
      agenda_from_residents = c.agenda_from_residents + excluded.agenda_from_residents,
      agenda_from_professionals = c.agenda_from_professionals + excluded.agenda_from_professionals;
  ELSE
    INSERT INTO meeting_month_counts AS c (network_id, month, agenda_from_residents, agenda_from_professionals)
    SELECT m.network_id, to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'),
      coalesce(sum(a.d) FILTER (WHERE a.origin = 'resident'), 0), coalesce(sum(a.d) FILTER (WHERE a.origin = 'professional'), 0)
    FROM (SELECT meeting_id, origin, 1 AS d FROM new_rows UNION ALL SELECT meeting_id, origin, -1 FROM old_rows) a
    JOIN meetings m ON m.id = a.meeting_id WHERE m.cancelled_at IS NULL GROUP BY 1, 2
    ON CONFLICT (network_id, month) DO UPDATE SET
      agenda_from_residents = c.agenda_from_residents + excluded.agenda_from_residents,
      agenda_from_professionals = c.agenda_from_professionals + excluded.agenda_from_professionals;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_agenda_month_counts_insert AFTER INSERT ON meeting_agenda_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_agenda_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER meeting_agenda_month_counts_update AFTER UPDATE ON meeting_agenda_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_agenda_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER meeting_agenda_month_counts_delete AFTER DELETE ON meeting_agenda_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_agenda_month_counts_track();
--> statement-breakpoint
CREATE FUNCTION meeting_attendance_month_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Attendance of a meeting that is gone (the cascade of its delete) was taken off before.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO meeting_month_counts AS c (network_id, month, named_attendees)
    SELECT m.network_id, to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), count(*)
    FROM new_rows t JOIN meetings m ON m.id = t.meeting_id WHERE m.cancelled_at IS NULL GROUP BY 1, 2
    ON CONFLICT (network_id, month) DO UPDATE SET named_attendees = c.named_attendees + excluded.named_attendees;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO meeting_month_counts AS c (network_id, month, named_attendees)
    SELECT m.network_id, to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), -count(*)
    FROM old_rows t JOIN meetings m ON m.id = t.meeting_id WHERE m.cancelled_at IS NULL GROUP BY 1, 2
    ON CONFLICT (network_id, month) DO UPDATE SET named_attendees = c.named_attendees + excluded.named_attendees;
  ELSE
    INSERT INTO meeting_month_counts AS c (network_id, month, named_attendees)
    SELECT m.network_id, to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), sum(t.d)
    FROM (SELECT meeting_id, 1 AS d FROM new_rows UNION ALL SELECT meeting_id, -1 FROM old_rows) t
    JOIN meetings m ON m.id = t.meeting_id WHERE m.cancelled_at IS NULL GROUP BY 1, 2
    ON CONFLICT (network_id, month) DO UPDATE SET named_attendees = c.named_attendees + excluded.named_attendees;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_month_counts_insert AFTER INSERT ON meeting_attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_attendance_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_month_counts_update AFTER UPDATE ON meeting_attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_attendance_month_counts_track();
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_month_counts_delete AFTER DELETE ON meeting_attendance REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_attendance_month_counts_track();
--> statement-breakpoint
INSERT INTO meeting_month_counts (network_id, month, agenda_from_residents, agenda_from_professionals, named_attendees, other_residents, other_professionals)
SELECT m.network_id, to_char(m.starts_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'),
  coalesce(sum(a.ar), 0), coalesce(sum(a.ap), 0),
  coalesce(sum(t.na), 0),
  sum(m.other_residents), sum(m.other_professionals)
FROM meetings m
LEFT JOIN (
  SELECT meeting_id, count(*) FILTER (WHERE origin = 'resident') AS ar, count(*) FILTER (WHERE origin = 'professional') AS ap
  FROM meeting_agenda_items GROUP BY meeting_id
) a ON a.meeting_id = m.id
LEFT JOIN (SELECT meeting_id, count(*) AS na FROM meeting_attendance GROUP BY meeting_id) t ON t.meeting_id = m.id
WHERE m.cancelled_at IS NULL
GROUP BY 1, 2;
