-- AlterTable
ALTER TABLE "twoFactor" ADD COLUMN "lastUsedStep" INTEGER;
