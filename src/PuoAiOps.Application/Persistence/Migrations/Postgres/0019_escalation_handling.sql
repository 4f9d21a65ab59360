-- The escalation queue (/escalations): who took a case and when, who closed it, how it ended
-- (resolved by a person or not) with a redacted note, and a version that every change increments so
-- two people acting on the same case cannot both win.
ALTER TABLE "Escalations" ADD "AssignedAt" timestamp with time zone;
ALTER TABLE "Escalations" ADD "ClosedById" text;
ALTER TABLE "Escalations" ADD "Outcome" character varying(32);
ALTER TABLE "Escalations" ADD "ResolutionNote" character varying(2000);
ALTER TABLE "Escalations" ADD "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE "Escalations" ALTER COLUMN "Version" DROP DEFAULT;

CREATE INDEX "IX_Escalations_AssigneeId_Status" ON "Escalations" ("AssigneeId", "Status");
