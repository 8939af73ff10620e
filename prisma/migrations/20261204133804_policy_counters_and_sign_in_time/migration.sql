-- AlterTable
ALTER TABLE "session" ADD COLUMN "signedInAt" DATETIME;

-- CreateTable
CREATE TABLE "counter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "expiresAt" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "counter_expiresAt_idx" ON "counter"("expiresAt");
