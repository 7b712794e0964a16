/**
 * The part of SARIF 2.1.0 (OASIS, errata 01) this project writes. Names follow the spec;
 * test/fixtures/sarif/sarif-schema-2.1.0.json is the full schema the tests validate against.
 */
export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifMessage {
  readonly text: string;
  readonly markdown?: string;
}

export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  /** Exclusive: the column just after the last character. */
  readonly endColumn?: number;
  readonly snippet?: { readonly text: string };
}

export interface SarifArtifactLocation {
  /** Relative to `uriBaseId` (forward slashes, percent-encoded). */
  readonly uri: string;
  readonly uriBaseId?: string;
}

export interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: SarifArtifactLocation;
    readonly region?: SarifRegion;
    readonly contextRegion?: SarifRegion;
  };
}

export interface SarifFix {
  readonly description: SarifMessage;
  readonly artifactChanges: readonly {
    readonly artifactLocation: SarifArtifactLocation;
    readonly replacements: readonly { readonly deletedRegion: SarifRegion; readonly insertedContent?: { readonly text: string } }[];
  }[];
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations?: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly fixes?: readonly SarifFix[];
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface SarifReportingDescriptor {
  readonly id: string;
  readonly name?: string;
  readonly shortDescription: SarifMessage;
  readonly fullDescription: SarifMessage;
  readonly help: SarifMessage;
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: {
    /** GitHub code scanning: a number 0.0–10.0 as a string. */
    readonly 'security-severity': string;
    readonly tags: readonly string[];
    readonly precision?: 'very-high' | 'high' | 'medium' | 'low';
    readonly [key: string]: unknown;
  };
}

export interface SarifNotification {
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations?: readonly SarifLocation[];
}

export interface SarifInvocation {
  readonly executionSuccessful: boolean;
  readonly exitCode?: number;
  readonly startTimeUtc?: string;
  readonly endTimeUtc?: string;
  readonly toolExecutionNotifications?: readonly SarifNotification[];
}

export interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string;
      readonly version: string;
      readonly semanticVersion?: string;
      readonly informationUri?: string;
      readonly rules: readonly SarifReportingDescriptor[];
    };
  };
  readonly invocations: readonly SarifInvocation[];
  readonly originalUriBaseIds?: Readonly<Record<string, { readonly uri: string }>>;
  readonly columnKind: 'utf16CodeUnits';
  readonly results: readonly SarifResult[];
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}
