CREATE TABLE "ApiKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "SecretHash" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastUsedAt" TEXT NULL,
    "RevokedAt" TEXT NULL
);


CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "AuditLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditLog" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "Detail" TEXT NULL
);


CREATE TABLE "Batches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Batches" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Filter" TEXT NOT NULL,
    "LabelsPerItem" INTEGER NOT NULL,
    "GoldShare" REAL NOT NULL,
    "Order" TEXT NOT NULL,
    "ShowSuggestions" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "IsDemo" INTEGER NOT NULL
);


CREATE TABLE "Documents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Documents" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Locale" TEXT NOT NULL,
    "Markdown" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "UpdatedById" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "Version" TEXT NOT NULL
);


CREATE TABLE "Domains" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Domains" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Names" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL
);


CREATE TABLE "ImportRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportRuns" PRIMARY KEY AUTOINCREMENT,
    "FileName" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "FileHash" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "Imported" INTEGER NOT NULL,
    "Duplicates" INTEGER NOT NULL,
    "Rejected" INTEGER NOT NULL,
    "Report" TEXT NULL
);


CREATE TABLE "Jobs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Jobs" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Payload" TEXT NULL,
    "Result" TEXT NULL,
    "Progress" REAL NOT NULL,
    "Message" TEXT NULL,
    "CreatedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "LeasedBy" TEXT NULL,
    "LeaseUntil" TEXT NULL
);


CREATE TABLE "ModelVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ModelVersions" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "DataHash" TEXT NOT NULL,
    "Labels" TEXT NOT NULL,
    "Settings" TEXT NOT NULL,
    "Metrics" TEXT NOT NULL,
    "TrainedById" TEXT NULL,
    "TrainedAt" TEXT NOT NULL,
    "IsServing" INTEGER NOT NULL,
    "PromotedAt" TEXT NULL,
    "PromotedById" TEXT NULL,
    "Blob" BLOB NULL,
    "IsDemo" INTEGER NOT NULL
);


CREATE TABLE "Settings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Settings" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedById" TEXT NULL
);


CREATE TABLE "TaxonomyChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TaxonomyChanges" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ProposedById" TEXT NULL,
    "ProposedAt" TEXT NOT NULL,
    "ReviewedById" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "ResultingVersionId" INTEGER NULL
);


CREATE TABLE "TaxonomyVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TaxonomyVersions" PRIMARY KEY AUTOINCREMENT,
    "Number" INTEGER NOT NULL,
    "Snapshot" TEXT NOT NULL,
    "Note" TEXT NULL,
    "PublishedById" TEXT NULL,
    "PublishedAt" TEXT NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "BatchAnnotators" (
    "BatchId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_BatchAnnotators" PRIMARY KEY ("BatchId", "UserId"),
    CONSTRAINT "FK_BatchAnnotators_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BatchAnnotators_Batches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "Batches" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Chunks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Chunks" PRIMARY KEY AUTOINCREMENT,
    "DocumentId" INTEGER NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "Heading" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "TokenCount" INTEGER NOT NULL,
    "Embedding" BLOB NULL,
    CONSTRAINT "FK_Chunks_Documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "Documents" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Intents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Intents" PRIMARY KEY AUTOINCREMENT,
    "DomainId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Names" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "IncludeCriteria" TEXT NOT NULL,
    "ExcludeCriteria" TEXT NOT NULL,
    "Examples" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "GuideRef" TEXT NULL,
    "ReplacedById" INTEGER NULL,
    "IsDemo" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Intents_Domains_DomainId" FOREIGN KEY ("DomainId") REFERENCES "Domains" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Intents_Intents_ReplacedById" FOREIGN KEY ("ReplacedById") REFERENCES "Intents" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Conversations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Conversations" PRIMARY KEY AUTOINCREMENT,
    "UserRef" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Locale" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "IntentId" INTEGER NULL,
    "IntentConfidence" REAL NULL,
    "Outcome" TEXT NOT NULL,
    "Resolution" TEXT NOT NULL,
    "IsTest" INTEGER NOT NULL,
    "ModelVersionId" INTEGER NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_Conversations_Intents_IntentId" FOREIGN KEY ("IntentId") REFERENCES "Intents" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Questions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Questions" PRIMARY KEY AUTOINCREMENT,
    "ExternalId" TEXT NULL,
    "Text" TEXT NOT NULL,
    "TextHash" TEXT NOT NULL,
    "UserRef" TEXT NULL,
    "Channel" TEXT NULL,
    "Locale" TEXT NULL,
    "Source" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    "ImportRunId" INTEGER NULL,
    "PredictedIntentId" INTEGER NULL,
    "PredictedConfidence" REAL NULL,
    "PredictedByModelId" INTEGER NULL,
    "FinalIntentId" INTEGER NULL,
    "FinalOutOfScope" INTEGER NOT NULL,
    "FinalLabelSource" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_Questions_ImportRuns_ImportRunId" FOREIGN KEY ("ImportRunId") REFERENCES "ImportRuns" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Questions_Intents_FinalIntentId" FOREIGN KEY ("FinalIntentId") REFERENCES "Intents" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Questions_Intents_PredictedIntentId" FOREIGN KEY ("PredictedIntentId") REFERENCES "Intents" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Scripts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Scripts" PRIMARY KEY AUTOINCREMENT,
    "IntentId" INTEGER NOT NULL,
    "Locale" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "PublishedVersionId" INTEGER NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_Scripts_Intents_IntentId" FOREIGN KEY ("IntentId") REFERENCES "Intents" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Escalations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Escalations" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AssigneeId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    CONSTRAINT "FK_Escalations_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Feedback" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Feedback" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "TurnId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Rating" INTEGER NULL,
    "Comment" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Feedback_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Grades" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Grades" PRIMARY KEY AUTOINCREMENT,
    "TurnId" INTEGER NOT NULL,
    "ConversationId" INTEGER NOT NULL,
    "Grader" TEXT NOT NULL,
    "GraderId" TEXT NULL,
    "Verdict" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Grades_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Turns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Turns" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "IntentId" INTEGER NULL,
    "Confidence" REAL NULL,
    "Source" TEXT NOT NULL,
    "ScriptVersionId" INTEGER NULL,
    "LatencyMs" INTEGER NULL,
    CONSTRAINT "FK_Turns_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Items" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Items" PRIMARY KEY AUTOINCREMENT,
    "BatchId" INTEGER NOT NULL,
    "QuestionId" INTEGER NOT NULL,
    "IsGold" INTEGER NOT NULL,
    "GoldIntentId" INTEGER NULL,
    "GoldOutOfScope" INTEGER NOT NULL,
    "Priority" REAL NOT NULL,
    "LabelCount" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Items_Batches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "Batches" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Items_Questions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "Questions" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ScriptVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ScriptVersions" PRIMARY KEY AUTOINCREMENT,
    "ScriptId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReviewerId" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewNote" TEXT NULL,
    CONSTRAINT "FK_ScriptVersions_Scripts_ScriptId" FOREIGN KEY ("ScriptId") REFERENCES "Scripts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Adjudications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Adjudications" PRIMARY KEY AUTOINCREMENT,
    "ItemId" INTEGER NOT NULL,
    "ReviewerId" TEXT NOT NULL,
    "IntentId" INTEGER NULL,
    "OutOfScope" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Adjudications_Items_ItemId" FOREIGN KEY ("ItemId") REFERENCES "Items" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Labels" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Labels" PRIMARY KEY AUTOINCREMENT,
    "ItemId" INTEGER NOT NULL,
    "QuestionId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "IntentId" INTEGER NULL,
    "OutOfScope" INTEGER NOT NULL,
    "Unclear" INTEGER NOT NULL,
    "MultipleIntents" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "DurationMs" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Labels_Intents_IntentId" FOREIGN KEY ("IntentId") REFERENCES "Intents" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Labels_Items_ItemId" FOREIGN KEY ("ItemId") REFERENCES "Items" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Leases" (
    "ItemId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    CONSTRAINT "PK_Leases" PRIMARY KEY ("ItemId", "UserId"),
    CONSTRAINT "FK_Leases_Items_ItemId" FOREIGN KEY ("ItemId") REFERENCES "Items" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Skips" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Skips" PRIMARY KEY AUTOINCREMENT,
    "ItemId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Skips_Items_ItemId" FOREIGN KEY ("ItemId") REFERENCES "Items" ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_Adjudications_ItemId" ON "Adjudications" ("ItemId");


CREATE UNIQUE INDEX "IX_ApiKeys_Prefix" ON "ApiKeys" ("Prefix");


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_AuditLog_At" ON "AuditLog" ("At");


CREATE INDEX "IX_BatchAnnotators_UserId" ON "BatchAnnotators" ("UserId");


CREATE INDEX "IX_Chunks_DocumentId" ON "Chunks" ("DocumentId");


CREATE INDEX "IX_Conversations_IntentId_StartedAt" ON "Conversations" ("IntentId", "StartedAt");


CREATE INDEX "IX_Conversations_StartedAt" ON "Conversations" ("StartedAt");


CREATE INDEX "IX_Conversations_UserRef_StartedAt" ON "Conversations" ("UserRef", "StartedAt");


CREATE UNIQUE INDEX "IX_Documents_Slug_Locale" ON "Documents" ("Slug", "Locale");


CREATE UNIQUE INDEX "IX_Domains_Key" ON "Domains" ("Key");


CREATE INDEX "IX_Escalations_ConversationId" ON "Escalations" ("ConversationId");


CREATE INDEX "IX_Escalations_Status_CreatedAt" ON "Escalations" ("Status", "CreatedAt");


CREATE INDEX "IX_Feedback_ConversationId" ON "Feedback" ("ConversationId");


CREATE INDEX "IX_Grades_ConversationId" ON "Grades" ("ConversationId");


CREATE INDEX "IX_Grades_TurnId_Grader" ON "Grades" ("TurnId", "Grader");


CREATE INDEX "IX_Intents_DomainId" ON "Intents" ("DomainId");


CREATE UNIQUE INDEX "IX_Intents_Key" ON "Intents" ("Key");


CREATE INDEX "IX_Intents_ReplacedById" ON "Intents" ("ReplacedById");


CREATE UNIQUE INDEX "IX_Items_BatchId_QuestionId" ON "Items" ("BatchId", "QuestionId");


CREATE INDEX "IX_Items_BatchId_Status_Priority" ON "Items" ("BatchId", "Status", "Priority");


CREATE INDEX "IX_Items_QuestionId" ON "Items" ("QuestionId");


CREATE INDEX "IX_Jobs_Status_CreatedAt" ON "Jobs" ("Status", "CreatedAt");


CREATE INDEX "IX_Labels_IntentId" ON "Labels" ("IntentId");


CREATE UNIQUE INDEX "IX_Labels_ItemId_UserId" ON "Labels" ("ItemId", "UserId");


CREATE INDEX "IX_Labels_UserId_CreatedAt" ON "Labels" ("UserId", "CreatedAt");


CREATE INDEX "IX_Leases_ExpiresAt" ON "Leases" ("ExpiresAt");


CREATE INDEX "IX_ModelVersions_IsServing" ON "ModelVersions" ("IsServing");


CREATE INDEX "IX_Questions_CreatedAt" ON "Questions" ("CreatedAt");


CREATE INDEX "IX_Questions_FinalIntentId" ON "Questions" ("FinalIntentId");


CREATE INDEX "IX_Questions_ImportRunId" ON "Questions" ("ImportRunId");


CREATE INDEX "IX_Questions_PredictedConfidence" ON "Questions" ("PredictedConfidence");


CREATE INDEX "IX_Questions_PredictedIntentId" ON "Questions" ("PredictedIntentId");


CREATE UNIQUE INDEX "IX_Questions_TextHash" ON "Questions" ("TextHash");


CREATE UNIQUE INDEX "IX_Scripts_IntentId_Locale" ON "Scripts" ("IntentId", "Locale");


CREATE UNIQUE INDEX "IX_ScriptVersions_ScriptId_Number" ON "ScriptVersions" ("ScriptId", "Number");


CREATE INDEX "IX_Skips_ItemId_UserId" ON "Skips" ("ItemId", "UserId");


CREATE INDEX "IX_TaxonomyChanges_Status" ON "TaxonomyChanges" ("Status");


CREATE UNIQUE INDEX "IX_TaxonomyVersions_Number" ON "TaxonomyVersions" ("Number");


CREATE UNIQUE INDEX "IX_Turns_ConversationId_Ordinal" ON "Turns" ("ConversationId", "Ordinal");


