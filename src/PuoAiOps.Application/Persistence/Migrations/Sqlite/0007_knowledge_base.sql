-- Knowledge base: document metadata (format, owner, domain, intents, review-by, source, uploader),
-- per-chunk content hashes so unchanged chunks keep their rows and vectors on re-ingestion,
-- stored revisions for history and diffs, and the curators' synonym glossary.
ALTER TABLE "Documents" ADD COLUMN "Format" TEXT NOT NULL DEFAULT 'markdown';
ALTER TABLE "Documents" ADD COLUMN "Owner" TEXT NULL;
ALTER TABLE "Documents" ADD COLUMN "Domain" TEXT NULL;
ALTER TABLE "Documents" ADD COLUMN "Intents" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Documents" ADD COLUMN "ReviewBy" TEXT NULL;
ALTER TABLE "Documents" ADD COLUMN "Source" TEXT NULL;
ALTER TABLE "Documents" ADD COLUMN "UploadedById" TEXT NULL;
ALTER TABLE "Documents" ADD COLUMN "ContentHash" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Chunks" ADD COLUMN "ContentHash" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Chunks" ADD COLUMN "EmbeddingModel" TEXT NULL;

CREATE TABLE "DocumentVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentVersions" PRIMARY KEY AUTOINCREMENT,
    "DocumentId" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "Source" TEXT NULL,
    "CreatedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_DocumentVersions_Documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "Documents" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_DocumentVersions_DocumentId_Revision" ON "DocumentVersions" ("DocumentId", "Revision");

CREATE TABLE "Glossary" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Glossary" PRIMARY KEY AUTOINCREMENT,
    "Locale" TEXT NOT NULL,
    "Term" TEXT NOT NULL,
    "Synonyms" TEXT NOT NULL,
    "UpdatedById" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_Glossary_Locale_Term" ON "Glossary" ("Locale", "Term");
