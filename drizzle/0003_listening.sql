CREATE TYPE "public"."signal_origin" AS ENUM('meeting', 'street', 'public_page', 'other');--> statement-breakpoint
CREATE TYPE "public"."signal_raised_by" AS ENUM('resident', 'professional');--> statement-breakpoint
CREATE TYPE "public"."signal_status" AS ENUM('pending', 'new', 'taken_up', 'followed_up', 'closed');--> statement-breakpoint
CREATE TYPE "public"."signal_update_kind" AS ENUM('note', 'status');--> statement-breakpoint
CREATE TABLE "signal_followers" (
	"signal_id" integer NOT NULL,
	"network_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" "member_role" NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signal_followers_signal_id_person_id_pk" PRIMARY KEY("signal_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "signal_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"signal_id" integer NOT NULL,
	"network_id" integer NOT NULL,
	"author_id" integer,
	"kind" "signal_update_kind" NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"status" "signal_status",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"trigger" text DEFAULT '' NOT NULL,
	"raised_by" "signal_raised_by" NOT NULL,
	"origin" "signal_origin" NOT NULL,
	"status" "signal_status" NOT NULL,
	"person_bound" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"contact_email" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	"experiment_id" integer
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"position" integer NOT NULL,
	"origin" text NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"other_residents" integer DEFAULT 0 NOT NULL,
	"other_professionals" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spark_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sparks" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"author_id" integer,
	"visitor_name" text,
	"text" text NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"photo_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signal_followers" ADD CONSTRAINT "signal_followers_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_followers" ADD CONSTRAINT "signal_followers_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_followers" ADD CONSTRAINT "signal_followers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_updates" ADD CONSTRAINT "signal_updates_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_updates" ADD CONSTRAINT "signal_updates_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_updates" ADD CONSTRAINT "signal_updates_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spark_photos" ADD CONSTRAINT "spark_photos_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sparks" ADD CONSTRAINT "sparks_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sparks" ADD CONSTRAINT "sparks_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sparks" ADD CONSTRAINT "sparks_photo_id_spark_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."spark_photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signal_followers_person" ON "signal_followers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "signal_updates_signal" ON "signal_updates" USING btree ("signal_id","created_at");--> statement-breakpoint
CREATE INDEX "signals_network_status" ON "signals" USING btree ("network_id","status");--> statement-breakpoint
CREATE INDEX "signals_network_created" ON "signals" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting" ON "meeting_agenda_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_person" ON "meeting_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meetings_network_starts" ON "meetings" USING btree ("network_id","starts_at");--> statement-breakpoint
CREATE INDEX "spark_photos_network" ON "spark_photos" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "sparks_network_created" ON "sparks" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "sparks_author" ON "sparks" USING btree ("author_id");