-- AlterEnum
ALTER TYPE "EnumGitProvider" ADD VALUE 'AzureDevOps';
