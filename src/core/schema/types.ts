/** The schema sources found in a workspace, in the order their migration tool applies them. */
export type SchemaTool = 'pg_dump' | 'prisma' | 'drizzle' | 'flyway' | 'golang-migrate' | 'dbmate' | 'plain';

export interface SchemaFile {
  /** Absolute path. */
  readonly path: string;
  /** Relative to the discovery root, forward slashes. */
  readonly rel: string;
  /** dbmate: only the `-- migrate:up` section of the file is applied. */
  readonly upSection?: boolean;
  /** Drizzle: statements are separated by `--> statement-breakpoint`. */
  readonly breakpoints?: boolean;
}

export interface SchemaCandidate {
  readonly tool: SchemaTool;
  /** Directory (or file, for a dump) relative to the root; '' for the root itself. */
  readonly location: string;
  readonly files: number;
}

export interface SchemaSources {
  readonly root: string;
  /** undefined when nothing was found. */
  readonly tool: SchemaTool | undefined;
  /** Where the chosen schema lives, relative to the root ('' = the root; a file for a dump). */
  readonly location: string;
  /** Files to apply, in order. */
  readonly files: readonly SchemaFile[];
  /** Things a person should know: other candidates, files left out and why. */
  readonly notes: readonly string[];
  /** Every layout found, the chosen one first. */
  readonly candidates: readonly SchemaCandidate[];
  /** The table the migration tool keeps its history in (a later migration may alter it). */
  readonly trackingTable?: string;
}

export interface DiscoverOptions {
  /** A file or folder (absolute, or relative to the root) to use instead of searching. */
  readonly override?: string;
  /** Stop the search after this many directory entries (default 60,000). */
  readonly maxEntries?: number;
}
