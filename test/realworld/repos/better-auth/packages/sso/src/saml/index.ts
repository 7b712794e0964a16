export {
	type AlgorithmValidationOptions,
	type ConfigAlgorithmValidationOptions,
	DataEncryptionAlgorithm,
	type DeprecatedAlgorithmBehavior,
	DigestAlgorithm,
	KeyEncryptionAlgorithm,
	SignatureAlgorithm,
	validateConfigAlgorithms,
	validateSAMLAlgorithms,
} from "./algorithms";
export {
	validateSingleAssertion,
	verifySAMLAssertionSignature,
} from "./assertions";
export { resolveSigningCerts, validateCertSources } from "./cert";
export {
	getSAMLPostAssertionConsumerServiceUrls,
	hasSAMLEncryptedAssertion,
	SAML_HTTP_POST_BINDING,
	validateSAMLResponseBinding,
} from "./response-binding";
export { validateAudience, validateInResponseTo } from "./response-validation";
