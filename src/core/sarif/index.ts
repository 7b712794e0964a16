export { toSarif, relativeUri, SARIF_SCHEMA_URI, SRCROOT, type ToSarifInput, type ModelFindingsInput } from './toSarif';
export type { SarifPersona } from './descriptors';
export { FINGERPRINT_KEY } from './fingerprint';
export { sarifLevel, securitySeverity } from './severity';
export type * from './sarifTypes';
