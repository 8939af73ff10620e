-- AlterTable
ALTER TABLE "session" ADD COLUMN     "signedInAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "counter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "counter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "counter_expiresAt_idx" ON "counter"("expiresAt");
