export type DBSchemaImportMetadata = {
  schema: string;
  fileName: string;
};
