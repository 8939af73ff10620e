-- AlterTable
ALTER TABLE "user" ADD COLUMN     "emailCodeEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "preferredSecondFactor" TEXT;
