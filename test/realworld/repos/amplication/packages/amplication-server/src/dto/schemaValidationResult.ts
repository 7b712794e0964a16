export class SchemaValidationResult {
  constructor(public isValid: boolean, public errorText?: string) {}
}
