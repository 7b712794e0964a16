/**
 * SQL that is not PostgreSQL's: a query written for ClickHouse, MySQL, SQL Server, SQLite or
 * Oracle would only be refused by the embedded PostgreSQL, so it is left out of the plans with
 * the dialect and the sign that gave it away. Only unambiguous signs count: a construct
 * PostgreSQL does not have, or a client library of the other database imported by the file.
 */

export interface OtherDialect {
  /** "ClickHouse", "MySQL", "SQL Server", "SQLite", "Oracle". */
  readonly dialect: string;
  /** What gave it away: "ENGINE =", "backtick identifiers", "imports a ClickHouse client". */
  readonly sign: string;
}

interface Sign {
  readonly dialect: string;
  readonly sign: string;
  readonly re: RegExp;
}

// ClickHouse functions are camelCase and case-sensitive; PostgreSQL has none of these names.
const CLICKHOUSE_FUNCTIONS = /\b(toStartOf\w+|toDate(?:Time(?:64)?)?|toU?Int\d+|toFloat\d+|toString|toUnixTimestamp|arrayJoin|countIf|sumIf|avgIf|uniq(?:Exact|Combined)?|groupArray|groupUniqArray|argMax|argMin|quantiles?|anyLast|formatDateTime|JSONExtract\w*)\s*\(/;

const SIGNS: readonly Sign[] = [
  { dialect: 'ClickHouse', sign: 'ENGINE =', re: /\bENGINE\s*=/i },
  { dialect: 'ClickHouse', sign: 'FINAL', re: /\b[Ff][Rr][Oo][Mm]\s+[\w."]+(?:\s+(?![Aa][Ss]\b)\w+)?\s+FINAL\b/ },
  { dialect: 'ClickHouse', sign: 'PREWHERE', re: /\bPREWHERE\b/i },
  { dialect: 'ClickHouse', sign: 'ARRAY JOIN', re: /\b(?:LEFT\s+)?ARRAY\s+JOIN\b/i },
  { dialect: 'ClickHouse', sign: 'GLOBAL IN/JOIN', re: /\bGLOBAL\s+(?:NOT\s+)?(?:IN|JOIN|ANY|ALL|LEFT|INNER)\b/i },
  { dialect: 'ClickHouse', sign: 'LIMIT … BY', re: /\bLIMIT\s+\d+\s+BY\b/i },
  { dialect: 'ClickHouse', sign: 'SETTINGS', re: /\bSETTINGS\s+\w+\s*=\s*\S+\s*;?\s*$/i },
  { dialect: 'ClickHouse', sign: 'FORMAT clause', re: /\bFORMAT\s+(?:JSON\w*|TabSeparated\w*|TSV\w*|CSV\w*|Pretty\w*|Native|RowBinary\w*|Parquet|Arrow\w*)\s*;?\s*$/i },
  { dialect: 'ClickHouse', sign: 'typed {name:Type} parameters', re: /\{\s*\w+\s*:\s*(?:U?Int\d+|Float\d+|String|Date\w*|UUID|Array\(|Nullable\(|LowCardinality\(|Bool|Decimal)/ },
  { dialect: 'ClickHouse', sign: 'ClickHouse functions', re: CLICKHOUSE_FUNCTIONS },
  { dialect: 'MySQL', sign: 'backtick identifiers', re: /`[^`\s]+`/ },
  { dialect: 'MySQL', sign: 'ON DUPLICATE KEY UPDATE', re: /\bON\s+DUPLICATE\s+KEY\s+UPDATE\b/i },
  { dialect: 'MySQL', sign: 'INSERT IGNORE', re: /^\s*INSERT\s+IGNORE\b/i },
  { dialect: 'MySQL', sign: 'REPLACE INTO', re: /^\s*REPLACE\s+INTO\b/i },
  { dialect: 'MySQL', sign: 'LIMIT offset, count', re: /\bLIMIT\s+(?:\d+|\?|\$\d+)\s*,\s*(?:\d+|\?|\$\d+)/i },
  { dialect: 'MySQL', sign: 'SQL_CALC_FOUND_ROWS / STRAIGHT_JOIN', re: /\b(?:SQL_CALC_FOUND_ROWS|STRAIGHT_JOIN|SQL_NO_CACHE)\b/i },
  { dialect: 'MySQL', sign: 'LOCK IN SHARE MODE', re: /\bLOCK\s+IN\s+SHARE\s+MODE\b/i },
  { dialect: 'MySQL', sign: 'MySQL functions', re: /\b(?:UNIX_TIMESTAMP|DATE_FORMAT|FROM_UNIXTIME|CURDATE|LAST_INSERT_ID|FOUND_ROWS)\s*\(/i },
  { dialect: 'MySQL or ClickHouse', sign: 'INTERVAL 1 DAY (unquoted)', re: /\bINTERVAL\s+(?:\d+|\?|\$\d+)\s+(?:SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|QUARTER|YEAR)S?\b/i },
  { dialect: 'SQL Server', sign: 'SELECT TOP', re: /^\s*SELECT\s+(?:DISTINCT\s+)?TOP\s*\(?\s*(?:\d+|@\w+)/i },
  { dialect: 'SQL Server', sign: 'NOLOCK / [bracket] names', re: /\bWITH\s*\(\s*NOLOCK\s*\)|\[dbo\]|\bGETDATE\s*\(|\bOUTPUT\s+INSERTED\./i },
  { dialect: 'SQLite', sign: 'INSERT OR REPLACE/IGNORE', re: /^\s*INSERT\s+OR\s+(?:REPLACE|IGNORE|ABORT|FAIL|ROLLBACK)\b/i },
  { dialect: 'SQLite', sign: "datetime('now')", re: /\b(?:datetime|strftime)\s*\(\s*'(?:now|%)/i },
  { dialect: 'Oracle', sign: 'ROWNUM / DUAL / SYSDATE', re: /\bROWNUM\b|\bFROM\s+DUAL\b|\bSYSDATE\b|\bCONNECT\s+BY\b|\bNVL\s*\(/i },
];

/** The dialect a statement is written in when it is clearly not PostgreSQL's; undefined otherwise. */
export function otherDialect(sql: string): OtherDialect | undefined {
  const found = SIGNS.find((s) => s.re.test(sql));
  return found ? { dialect: found.dialect, sign: found.sign } : undefined;
}

const CLIENTS: readonly { dialect: string; re: RegExp }[] = [
  { dialect: 'ClickHouse', re: /(?:from\s+|require\s*\(\s*|import\s+)['"]@?clickhouse[\w/@.-]*['"]|^\s*(?:import|from)\s+(?:clickhouse_connect|clickhouse_driver|aiochclient)\b|github\.com\/ClickHouse\/clickhouse-go/m },
  { dialect: 'MySQL', re: /(?:from\s+|require\s*\(\s*)['"](?:mysql2?(?:\/promise)?|mariadb)['"]|^\s*(?:import|from)\s+(?:pymysql|MySQLdb|mysql\.connector|aiomysql)\b|github\.com\/go-sql-driver\/mysql/m },
  { dialect: 'SQL Server', re: /(?:from\s+|require\s*\(\s*)['"](?:mssql|tedious)['"]|^\s*(?:import|from)\s+pyodbc\b|github\.com\/(?:denisenkom|microsoft)\/go-mssqldb/m },
  { dialect: 'SQLite', re: /(?:from\s+|require\s*\(\s*)['"](?:better-sqlite3|sqlite3|sqlite|bun:sqlite|node:sqlite)['"]|^\s*(?:import|from)\s+(?:sqlite3|aiosqlite)\b|github\.com\/mattn\/go-sqlite3/m },
];

/**
 * The dialect of every query of a file that talks to another database: its path names it
 * (a `clickhouse/` folder, `events.clickhouse.sql`) or it imports that database's client and no
 * PostgreSQL one.
 */
export function fileDialect(filePath: string, text: string): OtherDialect | undefined {
  if (POSTGRES_CLIENT.test(text)) {
    return undefined;
  }
  const named = /(^|[/\\._-])(clickhouse|mysql|mssql|sqlite)([/\\._-]|$)/i.exec(filePath.replace(/\.[^./\\]+$/, ''));
  if (named) {
    const d = named[2].toLowerCase();
    const dialect = d === 'clickhouse' ? 'ClickHouse' : d === 'mysql' ? 'MySQL' : d === 'mssql' ? 'SQL Server' : 'SQLite';
    return { dialect, sign: `the path names ${dialect}` };
  }
  const client = CLIENTS.find((c) => c.re.test(text));
  return client ? { dialect: client.dialect, sign: `imports a ${client.dialect} client` } : undefined;
}

const POSTGRES_CLIENT = /(?:from\s+|require\s*\(\s*)['"](?:pg|postgres|@neondatabase\/serverless|@vercel\/postgres|pg-promise|slonik|@prisma\/client|drizzle-orm\/[\w-]*(?:pg|postgres)[\w-]*|kysely)['"]|^\s*(?:import|from)\s+(?:psycopg2?|asyncpg|psycopg)\b|github\.com\/(?:jackc\/pgx|lib\/pq)/m;
