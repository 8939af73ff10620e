-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "twoFactorEnabled" BOOLEAN DEFAULT false,
    "pendingEmail" TEXT,
    "pendingEmailExpiresAt" DATETIME,
    "deletionScheduledAt" DATETIME,
    "emailCodeEnabled" BOOLEAN NOT NULL DEFAULT false,
    "preferredSecondFactor" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_user" ("createdAt", "deletionScheduledAt", "email", "emailVerified", "id", "image", "name", "pendingEmail", "pendingEmailExpiresAt", "twoFactorEnabled", "updatedAt") SELECT "createdAt", "deletionScheduledAt", "email", "emailVerified", "id", "image", "name", "pendingEmail", "pendingEmailExpiresAt", "twoFactorEnabled", "updatedAt" FROM "user";
DROP TABLE "user";
ALTER TABLE "new_user" RENAME TO "user";
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");
CREATE INDEX "user_deletionScheduledAt_idx" ON "user"("deletionScheduledAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
