-- Reply scripts per intent x locale x channel, with owner and tags; versions carry their variables,
-- SOP links, effective date and a concurrency stamp; review comments per version.
ALTER TABLE "Scripts" ADD COLUMN "Channel" TEXT NOT NULL DEFAULT 'im';
ALTER TABLE "Scripts" ADD COLUMN "Tags" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Scripts" ADD COLUMN "OwnerId" TEXT NULL;
ALTER TABLE "Scripts" ADD COLUMN "UpdatedAt" TEXT NOT NULL DEFAULT '0001-01-01 00:00:00';
UPDATE "Scripts" SET "UpdatedAt" = COALESCE((SELECT MAX(v."CreatedAt") FROM "ScriptVersions" v WHERE v."ScriptId" = "Scripts"."Id"), "UpdatedAt");

DROP INDEX "IX_Scripts_IntentId_Locale";
CREATE UNIQUE INDEX "IX_Scripts_IntentId_Locale_Channel" ON "Scripts" ("IntentId", "Locale", "Channel");

ALTER TABLE "ScriptVersions" ADD COLUMN "Variables" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "ScriptVersions" ADD COLUMN "SopLinks" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "ScriptVersions" ADD COLUMN "EffectiveFrom" TEXT NULL;
ALTER TABLE "ScriptVersions" ADD COLUMN "UpdatedById" TEXT NULL;
ALTER TABLE "ScriptVersions" ADD COLUMN "UpdatedAt" TEXT NOT NULL DEFAULT '0001-01-01 00:00:00';
ALTER TABLE "ScriptVersions" ADD COLUMN "SubmittedAt" TEXT NULL;
ALTER TABLE "ScriptVersions" ADD COLUMN "Stamp" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
-- Each existing version gets its own stamp, written as EF writes GUIDs on SQLite (upper-case text).
UPDATE "ScriptVersions" SET "UpdatedAt" = "CreatedAt",
    "Stamp" = upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)));

CREATE TABLE "ScriptComments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScriptComments" PRIMARY KEY AUTOINCREMENT,
    "VersionId" INTEGER NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ScriptComments_ScriptVersions_VersionId" FOREIGN KEY ("VersionId") REFERENCES "ScriptVersions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ScriptComments_VersionId" ON "ScriptComments" ("VersionId");
