-- CreateIndex
CREATE INDEX "traces_project_id_idx" ON "traces"("project_id");
