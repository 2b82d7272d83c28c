CREATE TABLE "signal_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"signal_id" integer NOT NULL,
	"network_id" integer NOT NULL,
	"editor_id" integer,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"theme" text NOT NULL,
	"place" text NOT NULL,
	"trigger" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signal_revisions" ADD CONSTRAINT "signal_revisions_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_revisions" ADD CONSTRAINT "signal_revisions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_revisions" ADD CONSTRAINT "signal_revisions_editor_id_people_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signal_revisions_signal" ON "signal_revisions" USING btree ("signal_id","edited_at");