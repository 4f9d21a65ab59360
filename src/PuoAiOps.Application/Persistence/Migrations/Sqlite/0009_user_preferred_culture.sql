-- The console language a user picked; NULL follows the browser's Accept-Language.
ALTER TABLE "AspNetUsers" ADD COLUMN "PreferredCulture" TEXT NULL;
