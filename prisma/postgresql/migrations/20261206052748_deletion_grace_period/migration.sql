-- AlterTable
ALTER TABLE "user" ADD COLUMN     "deletionScheduledAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "user_deletionScheduledAt_idx" ON "user"("deletionScheduledAt");
