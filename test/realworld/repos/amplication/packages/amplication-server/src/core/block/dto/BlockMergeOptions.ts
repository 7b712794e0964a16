export class BlockMergeOptions {
  updatedManuallyCreatedBlocks = true;
}
