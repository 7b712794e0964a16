import type { Awaitable, BetterAuthOptions } from "@better-auth/core";
import type {
	AdapterFactoryCustomizeAdapterCreator,
	AdapterFactoryOptions,
	DBAdapter,
	DBAdapterDebugLogOption,
	JoinConfig,
	Where,
} from "@better-auth/core/db/adapter";
import { createAdapterFactory } from "@better-auth/core/db/adapter";
import { BetterAuthError } from "@better-auth/core/error";

export interface PrismaConfig {
	/**
	 * Database provider.
	 */
	provider:
		| "sqlite"
		| "cockroachdb"
		| "mysql"
		| "postgresql"
		| "sqlserver"
		| "mongodb";

	/**
	 * Enable debug logs for the adapter
	 *
	 * @default false
	 */
	debugLogs?: DBAdapterDebugLogOption | undefined;

	/**
	 * Use plural table names
	 *
	 * @default false
	 */
	usePlural?: boolean | undefined;

	/**
	 * Whether to execute multiple operations in a transaction.
	 *
	 * If the database doesn't support transactions,
	 * set this to `false` and operations will be executed sequentially.
	 * @default false
	 */
	transaction?: boolean | undefined;
}

interface PrismaClient {}

// Prisma raises `P2025` for every "record not found" surface area we care
// about (`update`, `delete`, and `incrementOne`) with the actual cause
// distinguishable via `meta.cause` (e.g. "Record to update not found." vs
// "Record to delete does not exist."). Match on the code alone: any other
// failure (constraint, connection, permission) must propagate so the caller
// sees a real error rather than a silent `null`/no-op.
function isPrismaNotFoundError(e: any): boolean {
	return e?.code === "P2025";
}

type PrismaClientInternal = {
	$transaction: (
		callback: (db: PrismaClient) => Awaitable<any>,
	) => Promise<any>;
} & {
	[model: string]: {
		create: (data: any) => Promise<any>;
		findFirst: (data: any) => Promise<any>;
		findMany: (data: any) => Promise<any>;
		update: (data: any) => Promise<any>;
		updateMany: (data: any) => Promise<any>;
		delete: (data: any) => Promise<any>;
		[key: string]: any;
	};
};

export const prismaAdapter = (prisma: PrismaClient, config: PrismaConfig) => {
	let lazyOptions: BetterAuthOptions | null = null;
	const createCustomAdapter =
		(
			prisma: PrismaClient,
			inTransaction = false,
		): AdapterFactoryCustomizeAdapterCreator =>
		({
			getFieldName,
			getModelName,
			getFieldAttributes,
			getDefaultModelName,
			schema,
		}) => {
			const db = prisma as PrismaClientInternal;

			const convertSelect = (
				select: string[] | undefined,
				model: string,
				join?: JoinConfig | undefined,
			) => {
				if (!select && !join) return undefined;

				const result: Record<string, Record<string, any> | boolean> = {};

				if (select) {
					for (const field of select) {
						result[getFieldName({ model, field })] = true;
					}
				}

				if (join) {
					// when joining that has a limit, we need to use Prisma's `select` syntax to append the limit to the field
					// because of such, it also means we need to select all base-model fields as well
					// should check if `select` is not provided, because then we should select all base-model fields
					if (!select) {
						const fields = schema[getDefaultModelName(model)]?.fields || {};
						fields.id = { type: "string" }; // make sure there is at least an id field
						for (const field of Object.keys(fields)) {
							result[getFieldName({ model, field })] = true;
						}
					}

					for (const [joinModel, joinAttr] of Object.entries(join)) {
						const key = getJoinKeyName(model, getModelName(joinModel), schema);
						if (joinAttr.relation === "one-to-one") {
							result[key] = true;
						} else {
							result[key] = { take: joinAttr.limit };
						}
					}
				}

				return result;
			};

			/**
			 * Build the join key name based on whether the foreign field is unique or not.
			 * If unique, use singular. Otherwise, pluralize (add 's').
			 */
			const getJoinKeyName = (
				baseModel: string,
				joinedModel: string,
				schema: any,
			): string => {
				try {
					const defaultBaseModelName = getDefaultModelName(baseModel);
					const defaultJoinedModelName = getDefaultModelName(joinedModel);
					const key = getModelName(joinedModel).toLowerCase();

					// First, check if the joined model has FKs to the base model (forward join)
					let foreignKeys = Object.entries(
						schema[defaultJoinedModelName]?.fields || {},
					).filter(
						([_field, fieldAttributes]: any) =>
							fieldAttributes.references &&
							getDefaultModelName(fieldAttributes.references.model) ===
								defaultBaseModelName,
					);

					if (foreignKeys.length > 0) {
						// Forward join: joined model has FK to base model
						// This is typically a one-to-many relationship (plural)
						// Unless the FK is unique, then it's one-to-one (singular)
						const [_foreignKey, foreignKeyAttributes] = foreignKeys[0] as any;
						// Only check if field is explicitly marked as unique
						const isUnique = foreignKeyAttributes?.unique === true;
						return isUnique || config.usePlural === true ? key : `${key}s`;
					}

					// Check backwards: does the base model have FKs to the joined model?
					foreignKeys = Object.entries(
						schema[defaultBaseModelName]?.fields || {},
					).filter(
						([_field, fieldAttributes]: any) =>
							fieldAttributes.references &&
							getDefaultModelName(fieldAttributes.references.model) ===
								defaultJoinedModelName,
					);

					if (foreignKeys.length > 0) {
						return key;
					}
				} catch {
					// Fallback to pluralizing if we can't determine uniqueness
				}
				return `${getModelName(joinedModel).toLowerCase()}s`;
			};
			function operatorToPrismaOperator(operator: string) {
				switch (operator) {
					case "starts_with":
						return "startsWith";
					case "ends_with":
						return "endsWith";
					case "ne":
						return "not";
					case "not_in":
						return "notIn";
					default:
						return operator;
				}
			}
			const hasRootUniqueWhereCondition = (
				model: string,
				where?: Where[] | undefined,
			) => {
				if (!where?.length) {
					return false;
				}

				return where.some((condition) => {
					if (condition.connector === "OR") {
						return false;
					}

					if (condition.operator && condition.operator !== "eq") {
						return false;
					}

					if (condition.mode === "insensitive") {
						const providerSupportsMode =
							config.provider === "postgresql" || config.provider === "mongodb";
						const isStringValue =
							typeof condition.value === "string" ||
							(Array.isArray(condition.value) &&
								condition.value.every((v) => typeof v === "string"));
						if (providerSupportsMode && isStringValue) {
							return false;
						}
					}

					if (condition.field === "id") {
						return true;
					}

					return (
						getFieldAttributes({
							model,
							field: condition.field,
						})?.unique === true
					);
				});
			};
			const convertWhereClause = ({
				action,
				model,
				where,
			}: {
				model: string;
				where?: Where[] | undefined;
				action:
					| "create"
					| "update"
					| "delete"
					| "findOne"
					| "findMany"
					| "count"
					| "updateMany"
					| "deleteMany";
			}) => {
				if (!where || !where.length) return {};
				const buildSingleCondition = (w: Where) => {
					const fieldName = getFieldName({ model, field: w.field });
					const mode = w.mode ?? "sensitive";
					const isInsensitive =
						mode === "insensitive" &&
						(typeof w.value === "string" ||
							(Array.isArray(w.value) &&
								w.value.every((v) => typeof v === "string")));
					const providerSupportsMode =
						config.provider === "postgresql" || config.provider === "mongodb";
					const prismaMode =
						isInsensitive && providerSupportsMode ? "insensitive" : undefined;
					const modeFilter = prismaMode ? { mode: prismaMode } : {};

					// Special handling for Prisma null semantics, for non-nullable fields this is a tautology. Skip condition.
					if (w.operator === "ne" && w.value === null) {
						const fieldAttributes = getFieldAttributes({
							model,
							field: w.field,
						});
						const isNullable = fieldAttributes?.required !== true;
						return isNullable ? { [fieldName]: { not: null } } : {};
					}
					if (
						(w.operator === "in" || w.operator === "not_in") &&
						Array.isArray(w.value)
					) {
						const filtered = w.value.filter((v) => v != null);
						if (filtered.length === 0) {
							if (w.operator === "in") {
								return {
									AND: [
										{ [fieldName]: { equals: "__never__" } },
										{ [fieldName]: { not: "__never__" } },
									],
								};
							} else {
								return {};
							}
						}
						const prismaOp = operatorToPrismaOperator(w.operator);
						return { [fieldName]: { [prismaOp]: filtered, ...modeFilter } };
					}
					if (w.operator === "eq" || !w.operator) {
						return { [fieldName]: { equals: w.value, ...modeFilter } };
					}

					if (w.operator === "ne") {
						return {
							[fieldName]: { not: { equals: w.value }, ...modeFilter },
						};
					}

					const prismaOp = operatorToPrismaOperator(w.operator);
					return { [fieldName]: { [prismaOp]: w.value, ...modeFilter } };
				};

				// Special handling for update actions: extract AND conditions with eq operator to root level
				// Prisma's update() uses WhereUniqueInput which requires flat values (e.g. { id: "..." })
				// not filter objects (e.g. { id: { equals: "..." } })
				if (action === "update") {
					const and = where.filter(
						(w) => w.connector === "AND" || !w.connector,
					);
					const or = where.filter((w) => w.connector === "OR");

					// Separate AND conditions into simple eq (can extract) and complex (must stay in AND)
					const andSimple = and.filter(
						(w) => w.operator === "eq" || !w.operator,
					);
					const andComplex = and.filter(
						(w) => w.operator !== "eq" && w.operator !== undefined,
					);

					const andComplexClause = andComplex.map((w) =>
						buildSingleCondition(w),
					);
					const orClause = or.map((w) => buildSingleCondition(w));

					// Extract simple equality AND conditions to root level as flat values
					const result: Record<string, any> = {};
					for (const w of andSimple) {
						const fieldName = getFieldName({ model, field: w.field });
						result[fieldName] = w.value;
					}
					// Keep complex AND conditions in AND array
					if (andComplexClause.length > 0) {
						result.AND = andComplexClause;
					}
					if (orClause.length > 0) {
						result.OR = orClause;
					}
					return result;
				}

				// Special handling for delete actions: extract id to root level as flat value
				// Prisma's delete() uses WhereUniqueInput which requires flat values (e.g. { id: "..." })
				if (action === "delete") {
					const idCondition = where.find((w) => w.field === "id");
					if (idCondition) {
						const idFieldName = getFieldName({ model, field: "id" });
						const remainingWhere = where.filter((w) => w.field !== "id");

						if (remainingWhere.length === 0) {
							return { [idFieldName]: idCondition.value };
						}

						const and = remainingWhere.filter(
							(w) => w.connector === "AND" || !w.connector,
						);
						const or = remainingWhere.filter((w) => w.connector === "OR");
						const andClause = and.map((w) => buildSingleCondition(w));
						const orClause = or.map((w) => buildSingleCondition(w));

						const result: Record<string, any> = {
							[idFieldName]: idCondition.value,
						};
						if (andClause.length > 0) {
							result.AND = andClause;
						}
						if (orClause.length > 0) {
							result.OR = orClause;
						}
						return result;
					}
				}

				if (where.length === 1) {
					const w = where[0]!;
					if (!w) {
						return;
					}
					return buildSingleCondition(w);
				}
				const and = where.filter((w) => w.connector === "AND" || !w.connector);
				const or = where.filter((w) => w.connector === "OR");
				const andClause = and.map((w) => buildSingleCondition(w));
				const orClause = or.map((w) => buildSingleCondition(w));

				return {
					...(andClause.length ? { AND: andClause } : {}),
					...(orClause.length ? { OR: orClause } : {}),
				};
			};

			return {
				async create({ model, data: values, select }) {
					if (!db[model]) {
						throw new BetterAuthError(
							`Model ${model} does not exist in the database. If you haven't generated the Prisma client, you need to run 'npx prisma generate'`,
						);
					}
					const result = await db[model]!.create({
						data: values,
						select: convertSelect(select, model),
					});
					return result;
				},
				async findOne({ model, where, select, join }) {
					// this is just "JoinOption" type because we disabled join transformation in adapter config
					const whereClause = convertWhereClause({
						model,
						where,
						action: "findOne",
					});
					if (!db[model]) {
						throw new BetterAuthError(
							`Model ${model} does not exist in the database. If you haven't generated the Prisma client, you need to run 'npx prisma generate'`,
						);
					}

					// transform join keys to use Prisma expected field names
					const map = new Map<string, string>();
					for (const joinModel of Object.keys(join ?? {})) {
						const key = getJoinKeyName(model, joinModel, schema);
						map.set(key, getModelName(joinModel));
					}

					const selects = convertSelect(select, model, join);

					const result = await db[model]!.findFirst({
						where: whereClause,
						select: selects,
					});

					// transform the resulting `include` items to use better-auth expected field names
					if (join && result) {
						for (const [includeKey, originalKey] of map.entries()) {
							if (includeKey === originalKey) continue;
							if (includeKey in result) {
								result[originalKey] = result[includeKey];
								delete result[includeKey];
							}
						}
					}
					return result;
				},
				async findMany({ model, where, limit, select, offset, sortBy, join }) {
					// this is just "JoinOption" type because we disabled join transformation in adapter config
					const whereClause = convertWhereClause({
						model,
						where,
						action: "findMany",
					});
					if (!db[model]) {
						throw new BetterAuthError(
							`Model ${model} does not exist in the database. If you haven't generated the Prisma client, you need to run 'npx prisma generate'`,
						);
					}
					// transform join keys to use Prisma expected field names
					const map = new Map<string, string>();
					if (join) {
						for (const [joinModel, _value] of Object.entries(join)) {
							const key = getJoinKeyName(model, joinModel, schema);
							map.set(key, getModelName(joinModel));
						}
					}

					const selects = convertSelect(select, model, join);

					const result = await db[model]!.findMany({
						where: whereClause,
						take: limit || 100,
						skip: offset || 0,
						...(sortBy?.field
							? {
									orderBy: {
										[getFieldName({ model, field: sortBy.field })]:
											sortBy.direction === "desc" ? "desc" : "asc",
									},
								}
							: {}),
						select: selects,
					});

					// transform the resulting join items to use better-auth expected field names
					if (join && Array.isArray(result)) {
						for (const item of result) {
							for (const [includeKey, originalKey] of map.entries()) {
								if (includeKey === originalKey) continue;
								if (includeKey in item) {
									item[originalKey] = item[includeKey];
									delete item[includeKey];
								}
							}
						}
					}

					return result;
				},
				async count({ model, where }) {
					const whereClause = convertWhereClause({
						model,
						where,
						action: "count",
					});
					if (!db[model]) {
						throw new BetterAuthError(
							`Model ${model} does not exist in the database. If you haven't generated the Prisma client, you need to run 'npx prisma generate'`,
						);
					}
					return await db[model]!.count({
						where: whereClause,
					});
				},
				async update({ model, where, update }) {
					if (!db[model]) {
						throw new BetterAuthError(
							`Model ${model} does not exist in the database. If you haven't generated the Prisma client, you need to run 'npx prisma generate'`,
						);
					}
					const hasRootUniqueCondition = hasRootUniqueWhereCondition(
						model,
						where,
					);
					if (!hasRootUniqueCondition) {
						const whereClause = convertWhereClause({
							model,
							where,
							action: "updateMany",
						});
						const result = await db[model]!.updateMany({
							where: whereClause,
							data: update,
						});
						if (!result?.count) {
							return null;
						}

						return await db[model]!.findFirst({
							where: whereClause,
						});
					}
					const whereClause = convertWhereClause({
						model,
						where,
						action: "update",
					});

					// `prisma.model.update` requires a WhereUniqueInput but still
					// applies any non-unique predicates as guards before mutating
					// the row. When those guards exclude the row (e.g. a CAS like
					// `WHERE id = ? AND revoked IS NULL` losing the race, or the
					// row simply not existing) Prisma raises P2025 rather than
					// silently returning the row. Surface that as `null` so every
					// adapter — Kysely's RETURNING/OUTPUT paths, this one, the
					// in-memory adapter — agree on the "guarded update matched no
					// row" signal. `incrementOne` and `delete` already convert
					// P2025 the same way.
					try {
						return await db[model]!.update({
							where: whereClause,
							data: update,
						});
					} catch (e: any) {
						if (isPrismaNotFoundError(e)) return null;
						throw e;
					}
				},
				async updateMany({ model, where, update }) {
					if (!db[model]) {
						throw new BetterAuthError(
							`Model ${model} does not exist in the database. If you haven't generated the Prisma client, you need to run 'npx prisma generate'`,
						);
					}
					const whereClause = convertWhereClause({
						model,
						where,
						action: "updateMany",
					});
					const result = await db[model]!.updateMany({
						where: whereClause,
						data: update,
					});
					return result ? (result.count as number) : 0;
				},
				async delete({ model, where }) {
					if (!db[model]) {
						throw new BetterAuthError(
							`Model ${model} does not exist in the database. If you haven't generated the Prisma client, you need to run 'npx prisma generate'`,
						);
					}
					// Prisma's delete() requires a WhereUniqueInput (unique/primary key field).
					// When deleting by non-unique fields (e.g. identifier), fall back to deleteMany.
					const hasIdField = where?.some((w) => w.field === "id");
					if (!hasIdField) {
						const whereClause = convertWhereClause({
							model,
							where,
							action: "deleteMany",
						});
						await db[model]!.deleteMany({
							where: whereClause,
						});
						return;
					}
					const whereClause = convertWhereClause({
						model,
						where,
						action: "delete",
					});
					try {
						await db[model]!.delete({
							where: whereClause,
						});
					} catch (e: any) {
						// Deletes are idempotent: a missing row is a no-op. Any other
						// failure must propagate instead of reporting success.
						if (isPrismaNotFoundError(e)) return;
						throw e;
					}
				},
				async deleteMany({ model, where }) {
					const whereClause = convertWhereClause({
						model,
						where,
						action: "deleteMany",
					});
					const result = await db[model]!.deleteMany({
						where: whereClause,
					});
					return result ? (result.count as number) : 0;
				},
				async consumeOne({ model, where }) {
					if (!db[model]) {
						throw new BetterAuthError(
							`Model ${model} does not exist in the database. If you haven't generated the Prisma client, you need to run 'npx prisma generate'`,
						);
					}

					// `prisma.model.delete` requires a WhereUniqueInput. When the
					// caller keys on the primary key we get a single round trip;
					// otherwise we fall back to find-then-deleteMany inside a
					// transaction. deleteMany rechecks the original predicate with the
					// selected id so we do not delete a row that stopped matching.
					// FIXME(consume-one-prisma-locking): Prisma has no portable
					// row-locking API for findFirst. Add provider-specific locking
					// when a breaking adapter contract can expose it cleanly.
					const hasIdField = where?.some((w) => w.field === "id");
					if (hasIdField) {
						const whereClause = convertWhereClause({
							model,
							where,
							action: "delete",
						});
						try {
							const row = await db[model]!.delete({ where: whereClause });
							return (row as any) ?? null;
						} catch (e: any) {
							if (isPrismaNotFoundError(e)) return null;
							throw e;
						}
					}

					const findWhere = convertWhereClause({
						model,
						where,
						action: "findOne",
					});
					const claimFromTransaction = async (tx: PrismaClient) => {
						const target = await (tx as any)[model].findFirst({
							where: findWhere,
						});
						if (!target) return null;
						try {
							const result = await (tx as any)[model].deleteMany({
								where: convertWhereClause({
									model,
									where: [
										...(where ?? []),
										{
											field: "id",
											value: (target as any).id,
											operator: "eq",
											connector: "AND",
											mode: "sensitive",
										},
									],
									action: "deleteMany",
								}),
							});
							return result?.count > 0 ? (target as any) : null;
						} catch (e: any) {
							if (isPrismaNotFoundError(e)) return null;
							throw e;
						}
					};
					return inTransaction || typeof db.$transaction !== "function"
						? claimFromTransaction(db)
						: db.$transaction(claimFromTransaction);
				},
				async incrementOne({ model, where, increment, set }) {
					if (!db[model]) {
						throw new BetterAuthError(
							`Model ${model} does not exist in the database. If you haven't generated the Prisma client, you need to run 'npx prisma generate'`,
						);
					}

					// Prisma applies `{ [field]: { increment: delta } }` server-side, so
					// the read of the current value and the write of `value + delta`
					// happen in a single statement. The contract mutates at most one
					// row, so we resolve a single target id and key the write on it the
					// same way `consumeOne` does, never `updateMany`.
					const data: Record<string, unknown> = { ...(set ?? {}) };
					for (const [field, delta] of Object.entries(increment)) {
						data[field] = { increment: delta };
					}

					// `prisma.model.update` requires a WhereUniqueInput and returns the
					// mutated row. When the caller keys on the primary key we update in a
					// single round trip; otherwise we resolve the target id inside a
					// transaction and update by id. Either way the original guard stays in
					// the where, so a racer that invalidated it (e.g. remaining dropped to
					// 0) yields P2025 and we report no mutation.
					const hasIdField = where?.some((w) => w.field === "id");
					if (hasIdField) {
						const whereClause = convertWhereClause({
							model,
							where,
							action: "update",
						});
						try {
							const row = await db[model]!.update({
								where: whereClause,
								data,
							});
							return (row as any) ?? null;
						} catch (e: any) {
							if (isPrismaNotFoundError(e)) return null;
							throw e;
						}
					}

					const findWhere = convertWhereClause({
						model,
						where,
						action: "findOne",
					});
					const mutateInTransaction = async (tx: PrismaClient) => {
						const target = await (tx as any)[model].findFirst({
							where: findWhere,
						});
						if (!target) return null;
						try {
							const row = await (tx as any)[model].update({
								where: convertWhereClause({
									model,
									where: [
										...where,
										{
											field: "id",
											value: (target as any).id,
											operator: "eq",
											connector: "AND",
											mode: "sensitive",
										},
									],
									action: "update",
								}),
								data,
							});
							return (row as any) ?? null;
						} catch (e: any) {
							if (isPrismaNotFoundError(e)) return null;
							throw e;
						}
					};

					return inTransaction || typeof db.$transaction !== "function"
						? mutateInTransaction(db)
						: db.$transaction(mutateInTransaction);
				},
				options: config,
			};
		};

	let adapterOptions: AdapterFactoryOptions | null = null;
	adapterOptions = {
		config: {
			adapterId: "prisma",
			adapterName: "Prisma Adapter",
			usePlural: config.usePlural ?? false,
			debugLogs: config.debugLogs ?? false,
			supportsUUIDs: config.provider === "postgresql" ? true : false,
			supportsArrays:
				config.provider === "postgresql" || config.provider === "mongodb"
					? true
					: false,
			transaction:
				(config.transaction ?? false)
					? (cb) =>
							(prisma as PrismaClientInternal).$transaction((tx) => {
								const adapter = createAdapterFactory({
									config: {
										...adapterOptions!.config,
										transaction: false,
									},
									adapter: createCustomAdapter(tx, true),
								})(lazyOptions!);
								return cb(adapter);
							})
					: false,
		},
		adapter: createCustomAdapter(prisma),
	};

	const adapter = createAdapterFactory(adapterOptions);
	return (options: BetterAuthOptions): DBAdapter<BetterAuthOptions> => {
		lazyOptions = options;
		return adapter(options);
	};
};
