-- AlterTable
ALTER TABLE "session" ADD COLUMN     "city" TEXT,
ADD COLUMN     "country" TEXT;

-- AlterTable
ALTER TABLE "security_event" ADD COLUMN     "city" TEXT,
ADD COLUMN     "country" TEXT;

-- CreateTable
CREATE TABLE "trusted_device" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "userAgent" TEXT,
    "ipAddress" TEXT,
    "city" TEXT,
    "country" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "trusted_device_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "trusted_device_identifier_key" ON "trusted_device"("identifier");

-- CreateIndex
CREATE INDEX "trusted_device_userId_idx" ON "trusted_device"("userId");

-- AddForeignKey
ALTER TABLE "trusted_device" ADD CONSTRAINT "trusted_device_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Devices trusted before this migration: listed (what they were is not known), so none stays hidden.
INSERT INTO "trusted_device" ("id", "userId", "identifier", "createdAt", "lastUsedAt", "expiresAt")
SELECT 'td-' || "id", "value", "identifier", "createdAt", "createdAt", "expiresAt"
FROM "verification"
WHERE "identifier" LIKE 'trust-device-%' AND "value" IN (SELECT "id" FROM "user");
