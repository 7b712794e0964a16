-- AlterEnum
ALTER TYPE "EnumGitProvider" ADD VALUE 'AwsCodeCommit';
