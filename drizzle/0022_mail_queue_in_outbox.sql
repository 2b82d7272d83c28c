-- One queue for all mail (decision 0018): the outbox gains the delivery columns; rows written
-- before, while no mail server was set, are `kept` (never sent later); the notifications
-- module's mail_queue moves in (waiting and given-up mail) and goes.
ALTER TABLE "outbox" ADD COLUMN "list_unsubscribe" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "status" text DEFAULT 'kept' NOT NULL;--> statement-breakpoint
UPDATE "outbox" SET "status" = 'sent' WHERE "sent_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "last_error" text;--> statement-breakpoint
INSERT INTO "outbox" ("recipient", "person_id", "subject", "body", "list_unsubscribe", "status", "attempts", "next_attempt_at", "last_error", "created_at")
  SELECT "recipient", "person_id", "subject", CASE WHEN "status" = 'failed' THEN '' ELSE "body" END, "unsubscribe_url",
    CASE WHEN "status" = 'failed' THEN 'failed' ELSE 'waiting' END, "attempts", "next_attempt_at", "last_error", "created_at"
  FROM "mail_queue" WHERE "status" <> 'sent' ORDER BY "id";--> statement-breakpoint
DROP TABLE "mail_queue" CASCADE;--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("status","next_attempt_at");
