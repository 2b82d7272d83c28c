CREATE TABLE "experiment_log_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"experiment_id" integer NOT NULL,
	"kind" text NOT NULL,
	"happened_on" date NOT NULL,
	"author_id" integer,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment_signals" (
	"experiment_id" integer NOT NULL,
	"signal_id" integer NOT NULL,
	CONSTRAINT "experiment_signals_experiment_id_signal_id_pk" PRIMARY KEY("experiment_id","signal_id")
);
--> statement-breakpoint
CREATE TABLE "experiment_team" (
	"experiment_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "experiment_team_experiment_id_person_id_pk" PRIMARY KEY("experiment_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"approach" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'idea' NOT NULL,
	"evaluation" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"network_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"extra" text DEFAULT '' NOT NULL,
	"source_type" text,
	"source_id" integer,
	"source_title" text DEFAULT '' NOT NULL,
	"author_id" integer,
	"visibility" text DEFAULT 'network' NOT NULL,
	"requested_visibility" text,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"author_id" integer,
	"author_network_id" integer,
	"text" text NOT NULL,
	"helped" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"question" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"type" text NOT NULL,
	"source_id" integer NOT NULL,
	"network_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"visibility" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"path" text NOT NULL,
	"document" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce("title", '')), 'A') || setweight(to_tsvector('dutch', coalesce("body", '')), 'B')) STORED NOT NULL,
	CONSTRAINT "search_documents_type_source_id_pk" PRIMARY KEY("type","source_id")
);
--> statement-breakpoint
CREATE TABLE "search_index_state" (
	"type" text PRIMARY KEY NOT NULL,
	"built_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "experiment_log_entries" ADD CONSTRAINT "experiment_log_entries_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_log_entries" ADD CONSTRAINT "experiment_log_entries_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_signals" ADD CONSTRAINT "experiment_signals_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_team" ADD CONSTRAINT "experiment_team_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_team" ADD CONSTRAINT "experiment_team_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_items" ADD CONSTRAINT "library_items_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_items" ADD CONSTRAINT "library_items_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_responses" ADD CONSTRAINT "library_responses_item_id_library_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."library_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_responses" ADD CONSTRAINT "library_responses_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_responses" ADD CONSTRAINT "library_responses_author_network_id_networks_id_fk" FOREIGN KEY ("author_network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiment_log_entries_experiment" ON "experiment_log_entries" USING btree ("experiment_id","happened_on");--> statement-breakpoint
CREATE INDEX "experiment_team_person" ON "experiment_team" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "experiments_network_status" ON "experiments" USING btree ("network_id","status");--> statement-breakpoint
CREATE INDEX "library_items_network" ON "library_items" USING btree ("network_id","kind");--> statement-breakpoint
CREATE INDEX "library_items_visibility" ON "library_items" USING btree ("visibility","region_id","municipality_id");--> statement-breakpoint
CREATE INDEX "library_responses_item" ON "library_responses" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "reflections_person" ON "reflections" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "search_documents_document" ON "search_documents" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_documents_network" ON "search_documents" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "search_documents_place" ON "search_documents" USING btree ("visibility","region_id","municipality_id");--> statement-breakpoint
CREATE INDEX "search_documents_occurred" ON "search_documents" USING btree ("occurred_at");