-- CreateIndex
CREATE INDEX IF NOT EXISTS "idx_batchtaskrunitem_taskrun" ON "BatchTaskRunItem" ("taskRunId");