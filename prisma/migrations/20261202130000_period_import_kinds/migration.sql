-- Imports of the systems agencies already run (DOMAIN.md §9): a job position's product catalogue,
-- task-assignment exports and one-stop dossier statistics per handler and period.

-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'PRODUCTS';

-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'TASK_ASSIGNMENTS';

-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'ONE_STOP_STATS';
