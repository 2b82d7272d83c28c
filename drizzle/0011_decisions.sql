CREATE TABLE "decision_consent_kinds" (
	"network_id" integer NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "decision_consent_kinds_network_id_kind_pk" PRIMARY KEY("network_id","kind")
);
--> statement-breakpoint
CREATE TABLE "decision_consents" (
	"decision_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"version" integer NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_consents_decision_id_person_id_version_pk" PRIMARY KEY("decision_id","person_id","version")
);
--> statement-breakpoint
CREATE TABLE "decision_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"reasons" text NOT NULL,
	"kind" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_by_name" text DEFAULT '' NOT NULL,
	"decided_on" date,
	"meeting_id" integer,
	"involvement" text NOT NULL,
	"involvement_who" text DEFAULT '' NOT NULL,
	"involvement_count" integer,
	"effect" text NOT NULL,
	"effect_reasoning" text NOT NULL,
	"dissent" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dissent_none_came" boolean DEFAULT false NOT NULL,
	"dissent_invited" text DEFAULT '' NOT NULL,
	"signal_ids" integer[] DEFAULT '{}' NOT NULL,
	"experiment_ids" integer[] DEFAULT '{}' NOT NULL,
	"lesson_ids" integer[] DEFAULT '{}' NOT NULL,
	"review_on" date NOT NULL,
	"is_internal" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"consent_requested" boolean DEFAULT false NOT NULL,
	"review_effect" text,
	"review_text" text DEFAULT '' NOT NULL,
	"reviewed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"reviewed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_consent_kinds" ADD CONSTRAINT "decision_consent_kinds_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_consents" ADD CONSTRAINT "decision_consents_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_consents" ADD CONSTRAINT "decision_consents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_versions" ADD CONSTRAINT "decision_versions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_versions" ADD CONSTRAINT "decision_versions_changed_by_people_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_reviewed_by_people_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_consents_person" ON "decision_consents" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_versions_decision" ON "decision_versions" USING btree ("decision_id","version");--> statement-breakpoint
CREATE INDEX "decisions_network_status" ON "decisions" USING btree ("network_id","status");--> statement-breakpoint
CREATE INDEX "decisions_network_review" ON "decisions" USING btree ("network_id","review_on");