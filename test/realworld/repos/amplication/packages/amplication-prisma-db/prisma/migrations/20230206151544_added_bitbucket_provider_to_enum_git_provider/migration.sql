-- AlterEnum
ALTER TYPE "EnumGitProvider" ADD VALUE 'Bitbucket';
