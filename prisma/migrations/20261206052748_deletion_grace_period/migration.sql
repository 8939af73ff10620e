-- AlterTable
ALTER TABLE "user" ADD COLUMN "deletionScheduledAt" DATETIME;

-- CreateIndex
CREATE INDEX "user_deletionScheduledAt_idx" ON "user"("deletionScheduledAt");
