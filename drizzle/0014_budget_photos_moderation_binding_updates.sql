CREATE TABLE "budget_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "budget_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"proposal_id" integer NOT NULL,
	"author_id" integer,
	"text" text NOT NULL,
	"photo_id" integer,
	"progress" integer NOT NULL,
	"spent_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_updates_progress" CHECK ("budget_updates"."progress" between 0 and 100),
	CONSTRAINT "budget_updates_spent" CHECK ("budget_updates"."spent_cents" >= 0)
);--> statement-breakpoint
ALTER TABLE "budget_codes" ADD COLUMN "person_id" integer;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "photo_id" integer;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "moderated_by" integer;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD COLUMN "moderated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "budget_photos" ADD CONSTRAINT "budget_photos_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_updates" ADD CONSTRAINT "budget_updates_round_id_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."budget_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_updates" ADD CONSTRAINT "budget_updates_proposal_id_budget_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."budget_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_updates" ADD CONSTRAINT "budget_updates_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_updates" ADD CONSTRAINT "budget_updates_photo_id_budget_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."budget_photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_photos_network" ON "budget_photos" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "budget_updates_proposal" ON "budget_updates" USING btree ("proposal_id");--> statement-breakpoint
ALTER TABLE "budget_codes" ADD CONSTRAINT "budget_codes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_photo_id_budget_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."budget_photos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_moderated_by_people_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_codes_person" ON "budget_codes" USING btree ("round_id","person_id") WHERE "budget_codes"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_codes_id_person" ON "budget_codes" USING btree ("id","person_id");--> statement-breakpoint
ALTER TABLE "budget_voters" ADD CONSTRAINT "budget_voters_binding" FOREIGN KEY ("code_id","person_id") REFERENCES "public"."budget_codes"("id","person_id") ON DELETE no action ON UPDATE no action;