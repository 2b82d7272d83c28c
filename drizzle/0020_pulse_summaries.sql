CREATE TABLE "decision_month_counts" (
	"network_id" integer NOT NULL,
	"month" text NOT NULL,
	"effect" text NOT NULL,
	"involvement" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "decision_month_counts_network_id_month_effect_involvement_pk" PRIMARY KEY("network_id","month","effect","involvement")
);
--> statement-breakpoint
CREATE TABLE "meeting_month_counts" (
	"network_id" integer NOT NULL,
	"month" text NOT NULL,
	"agenda_from_residents" integer DEFAULT 0 NOT NULL,
	"agenda_from_professionals" integer DEFAULT 0 NOT NULL,
	"named_attendees" integer DEFAULT 0 NOT NULL,
	"other_residents" integer DEFAULT 0 NOT NULL,
	"other_professionals" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_month_counts_network_id_month_pk" PRIMARY KEY("network_id","month")
);
--> statement-breakpoint
CREATE TABLE "signal_month_counts" (
	"network_id" integer NOT NULL,
	"month" text NOT NULL,
	"theme" text NOT NULL,
	"raised_by" "signal_raised_by" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "signal_month_counts_network_id_month_theme_raised_by_pk" PRIMARY KEY("network_id","month","theme","raised_by")
);
--> statement-breakpoint
CREATE INDEX "decisions_network_linked" ON "decisions" USING btree ("network_id","decided_on") WHERE cardinality("decisions"."signal_ids") > 0;