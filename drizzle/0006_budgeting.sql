CREATE TABLE "budget_ballots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"cast_on" date NOT NULL,
	"choices" jsonb NOT NULL,
	"receipt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"sealed" text NOT NULL,
	"batch" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"network_id" integer NOT NULL,
	"author_id" integer,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"cost_cents" bigint NOT NULL,
	"estimate_cents" bigint NOT NULL,
	"cost_reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"network_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"budget_cents" bigint NOT NULL,
	"phase" text DEFAULT 'submission' NOT NULL,
	"submission_until" date,
	"review_until" date,
	"voting_from" date,
	"voting_until" date,
	"ballot_type" text DEFAULT 'approval-budget' NOT NULL,
	"min_selections" integer DEFAULT 1 NOT NULL,
	"max_selections" integer DEFAULT 0 NOT NULL,
	"points_total" integer DEFAULT 10 NOT NULL,
	"rule" text NOT NULL,
	"ties" text DEFAULT 'default' NOT NULL,
	"vote_by_code" boolean DEFAULT true NOT NULL,
	"vote_by_account" boolean DEFAULT true NOT NULL,
	"min_age" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"counted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_voters" (
	"round_id" integer NOT NULL,
	"code_id" integer,
	"person_id" integer
);
--> statement-breakpoint
ALTER TABLE "budget_ballots" ADD CONSTRAINT "budget_ballots_round_id_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."budget_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_codes" ADD CONSTRAINT "budget_codes_round_id_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."budget_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_round_id_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."budget_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_proposals" ADD CONSTRAINT "budget_proposals_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_rounds" ADD CONSTRAINT "budget_rounds_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_voters" ADD CONSTRAINT "budget_voters_round_id_budget_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."budget_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_voters" ADD CONSTRAINT "budget_voters_code_id_budget_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."budget_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_voters" ADD CONSTRAINT "budget_voters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_ballots_receipt" ON "budget_ballots" USING btree ("receipt");--> statement-breakpoint
CREATE INDEX "budget_ballots_round" ON "budget_ballots" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_codes_hash" ON "budget_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "budget_codes_round" ON "budget_codes" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "budget_proposals_round" ON "budget_proposals" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "budget_rounds_network" ON "budget_rounds" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_voters_code" ON "budget_voters" USING btree ("code_id") WHERE "budget_voters"."code_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_voters_person" ON "budget_voters" USING btree ("round_id","person_id") WHERE "budget_voters"."person_id" is not null;