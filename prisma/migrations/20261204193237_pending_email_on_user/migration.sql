-- AlterTable
ALTER TABLE "user" ADD COLUMN "pendingEmail" TEXT;
ALTER TABLE "user" ADD COLUMN "pendingEmailExpiresAt" DATETIME;

-- A change already pending moves over from the verification table, where it was kept until now.
UPDATE "user" SET
  "pendingEmail" = (SELECT "value" FROM "verification" WHERE "identifier" = 'email-change:' || "user"."id" ORDER BY "createdAt" DESC LIMIT 1),
  "pendingEmailExpiresAt" = (SELECT "expiresAt" FROM "verification" WHERE "identifier" = 'email-change:' || "user"."id" ORDER BY "createdAt" DESC LIMIT 1)
WHERE EXISTS (SELECT 1 FROM "verification" WHERE "identifier" = 'email-change:' || "user"."id");
DELETE FROM "verification" WHERE "identifier" LIKE 'email-change:%';
