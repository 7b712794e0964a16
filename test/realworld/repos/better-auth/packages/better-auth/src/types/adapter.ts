import type { Where } from "@better-auth/core/db/adapter";

export type {
	DBAdapter,
	DBAdapterInstance,
	DBAdapterSchemaCreation,
	DBTransactionAdapter,
	JoinConfig,
	JoinOption,
} from "@better-auth/core/db/adapter";

export type { Where };
