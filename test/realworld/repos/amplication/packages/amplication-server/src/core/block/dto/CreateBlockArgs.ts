import { BlockCreateInput } from "./BlockCreateInput";

export class CreateBlockArgs {
  data!: BlockCreateInput;
}
