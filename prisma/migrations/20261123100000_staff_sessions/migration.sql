-- Staff accounts can be disabled, and logged out everywhere by bumping their token version.
ALTER TABLE "Staff" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Staff" ADD COLUMN "tokenVersion" INTEGER NOT NULL DEFAULT 0;
