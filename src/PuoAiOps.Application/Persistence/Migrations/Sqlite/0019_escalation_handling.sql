-- The escalation queue (/escalations): who took a case and when, who closed it, how it ended
-- (resolved by a person or not) with a redacted note, and a version that every change increments so
-- two people acting on the same case cannot both win.
ALTER TABLE "Escalations" ADD "AssignedAt" TEXT NULL;
ALTER TABLE "Escalations" ADD "ClosedById" TEXT NULL;
ALTER TABLE "Escalations" ADD "Outcome" TEXT NULL;
ALTER TABLE "Escalations" ADD "ResolutionNote" TEXT NULL;
ALTER TABLE "Escalations" ADD "Version" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "IX_Escalations_AssigneeId_Status" ON "Escalations" ("AssigneeId", "Status");
