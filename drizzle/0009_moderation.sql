CREATE TABLE "moderation_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"object_id" integer NOT NULL,
	"network_id" integer NOT NULL,
	"reason" text NOT NULL,
	"reporter_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" integer,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "spark_settings" (
	"network_id" integer PRIMARY KEY NOT NULL,
	"members_public_at_once" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sparks" ADD COLUMN "public_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sparks" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "sparks" ADD COLUMN "moderated_by" integer;--> statement-breakpoint
ALTER TABLE "sparks" ADD COLUMN "moderated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "moderation_reports" ADD CONSTRAINT "moderation_reports_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_reports" ADD CONSTRAINT "moderation_reports_reporter_id_people_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_reports" ADD CONSTRAINT "moderation_reports_handled_by_people_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spark_settings" ADD CONSTRAINT "spark_settings_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_reports_open" ON "moderation_reports" USING btree ("network_id","handled_at");--> statement-breakpoint
CREATE INDEX "moderation_reports_object" ON "moderation_reports" USING btree ("kind","object_id");--> statement-breakpoint
CREATE INDEX "moderation_reports_reporter" ON "moderation_reports" USING btree ("reporter_id");--> statement-breakpoint
ALTER TABLE "sparks" ADD CONSTRAINT "sparks_moderated_by_people_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;