CREATE TABLE "signal_settings" (
	"network_id" integer PRIMARY KEY NOT NULL,
	"retention_months" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signal_themes" (
	"network_id" integer NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "signal_themes_network_id_name_pk" PRIMARY KEY("network_id","name")
);
--> statement-breakpoint
ALTER TABLE "signal_settings" ADD CONSTRAINT "signal_settings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_themes" ADD CONSTRAINT "signal_themes_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signal_themes_network_lower_name" ON "signal_themes" USING btree ("network_id",lower("name"));--> statement-breakpoint
-- Move the signals module's settings out of networks.settings (issue 8, item 4): a network's
-- extra themes, in their order, and its retention period. Invalid values are left behind
-- as the old code ignored them; duplicate names (by case) keep their first position.
INSERT INTO "signal_themes" ("network_id", "name", "position")
SELECT n."id", btrim(t.name), t.ord::integer
FROM "networks" n
CROSS JOIN LATERAL jsonb_array_elements_text(
  CASE WHEN jsonb_typeof(n."settings"->'extraThemes') = 'array'
    THEN n."settings"->'extraThemes' ELSE '[]'::jsonb END
) WITH ORDINALITY AS t(name, ord)
WHERE btrim(t.name) <> ''
ORDER BY n."id", t.ord
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "signal_settings" ("network_id", "retention_months")
SELECT "id", ("settings"->>'retentionMonths')::integer
FROM "networks"
WHERE jsonb_typeof("settings"->'retentionMonths') = 'number'
  AND ("settings"->>'retentionMonths') ~ '^[0-9]+$'
  AND ("settings"->>'retentionMonths')::numeric BETWEEN 1 AND 1200;
--> statement-breakpoint
UPDATE "networks" SET "settings" = "settings" - 'extraThemes' - 'retentionMonths'
WHERE "settings" ?| array['extraThemes', 'retentionMonths'];
