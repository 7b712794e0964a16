-- AlterEnum
ALTER TYPE "EnumGitProvider" ADD VALUE 'GitLab';
