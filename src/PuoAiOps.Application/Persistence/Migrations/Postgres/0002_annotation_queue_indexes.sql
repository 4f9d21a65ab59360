-- The annotation queue looks up the lease an annotator holds on every call.
CREATE INDEX IF NOT EXISTS "IX_Leases_UserId_ExpiresAt" ON "Leases" ("UserId", "ExpiresAt");
