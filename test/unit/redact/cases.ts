/**
 * Everyday syntaxes with real-looking secrets, shared by the unit tests and the bench.
 * Fake secrets are assembled at run time so that secret scanners do not flag this file.
 * `{S}` in a template stands for the secret; `{S2}` for a second one on the same line.
 */
const j = (...parts: string[]): string => parts.join('');

/** Six secrets of different shapes (none matches a provider prefix except where named). */
export const SECRETS: Record<string, string> = {
  password: j('Tr0ub4dor', '&3xQ!'),
  hex32: j('9f86d081884c7d65', '9a2feaa0c55ad015'),
  base64: j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzEXAMPLEKEY9'),
  uuid: j('3f2a9c1e-7b4d-4e8a', '-9c21-5d7e0b3a6f14'),
  alnum: j('q7Rk2Lm9Vx4Zp8Ns', '3Tw6Yb1Hc5Jd'),
  github: j('gh', 'p_', 'R8fK2mQ9xL4vN7pZ3tW6yB1cH5jD0sG2aE8u'),
};

export interface SyntaxCase {
  readonly syntax: string;
  /** Lines of a file; `{S}` (and `{S2}`) are replaced by a secret. */
  readonly template: string;
  /** Secrets that make sense here (default: all). */
  readonly secrets?: readonly string[];
}

export const SYNTAX_CASES: readonly SyntaxCase[] = [
  { syntax: '.env upper-case', template: 'DATABASE_PASSWORD={S}\nAPP_NAME=shop' },
  { syntax: '.env lower-case', template: 'db_password={S}\nport=5432' },
  { syntax: '.env quoted', template: 'API_TOKEN="{S}"' },
  { syntax: '.env export', template: 'export SERVICE_SECRET={S}' },
  { syntax: '.env two per line', template: 'DB_USER=app DB_PASSWORD={S} DB_HOST=db' },
  { syntax: 'shell inline env', template: 'PGPASSWORD={S} psql -h db -U app' },
  { syntax: 'docker-compose environment list', template: 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD={S}\n      - POSTGRES_USER=app' },
  { syntax: 'docker-compose environment map', template: 'services:\n  api:\n    environment:\n      JWT_SECRET: {S}\n      NODE_ENV: production' },
  { syntax: 'AWS credentials INI', template: '[default]\naws_access_key_id = AKIAQYLPMN5HHHFPZAM2\naws_secret_access_key = {S}\nregion = eu-west-1' },
  { syntax: 'INI section', template: '[database]\nhost = db.internal\npassword = {S}' },
  { syntax: 'Java .properties', template: 'spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password={S}' },
  { syntax: '.properties colon', template: 'mail.smtp.password : {S}' },
  { syntax: 'YAML unquoted', template: 'database:\n  user: app\n  password: {S}' },
  { syntax: 'YAML quoted', template: "stripe:\n  secret_key: '{S}'" },
  { syntax: 'JSON token', template: '{\n  "name": "bot",\n  "token": "{S}"\n}' },
  { syntax: 'JSON nested apiKey', template: '{"service": {"apiKey": "{S}", "timeout": 30}}' },
  { syntax: 'appsettings.json', template: '{\n  "Jwt": { "Key": "{S}", "Issuer": "shop" },\n  "Smtp": { "Password": "{S2}" }\n}' },
  { syntax: 'ADO.NET connection string', template: '"ConnectionStrings": { "Default": "Server=tcp:db.example.net,1433;Database=shop;User Id=app;Password={S};Encrypt=True;" }', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: 'ADO.NET Pwd', template: 'var cs = "Data Source=db;Initial Catalog=shop;Uid=sa;Pwd={S};";', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: '.NET web.config appSettings', template: '<appSettings>\n  <add key="PaymentApiKey" value="{S}" />\n</appSettings>' },
  { syntax: 'XML element', template: '<datasource>\n  <password>{S}</password>\n</datasource>' },
  { syntax: 'TOML', template: '[tool.publish]\ntoken = "{S}"' },
  { syntax: 'Python', template: 'API_KEY = "{S}"\nclient = Client(api_key=API_KEY)' },
  { syntax: 'Python kwarg', template: 'conn = psycopg.connect(host="db", password="{S}")' },
  { syntax: 'Python dict', template: 'settings = {"secret_key": "{S}", "debug": False}' },
  { syntax: 'JavaScript object', template: 'const config = {\n  clientSecret: "{S}",\n  region: "eu",\n};' },
  { syntax: 'TypeScript const', template: "export const stripeSecret = '{S}';" },
  { syntax: 'Go', template: 'const apiToken = "{S}"\nfunc main() {}' },
  { syntax: 'Go short assignment', template: 'password := "{S}"' },
  { syntax: 'Java field', template: 'private static final String DB_PASSWORD = "{S}";' },
  { syntax: 'Java setter', template: 'dataSource.setPassword("{S}");' },
  { syntax: 'C# property', template: 'options.ClientSecret = "{S}";' },
  { syntax: 'PHP define', template: "define('AUTH_SECRET', '{S}');" },
  { syntax: 'Ruby', template: "config.secret_key_base = '{S}'" },
  { syntax: 'Authorization Bearer in code', template: 'fetch(url, { headers: { Authorization: "Bearer {S}" } });', secrets: ['hex32', 'base64', 'alnum', 'uuid', 'github'] },
  { syntax: 'Authorization header in curl', template: "curl -H 'Authorization: Bearer {S}' https://api.example.com/v1/items", secrets: ['hex32', 'base64', 'alnum', 'uuid', 'github'] },
  { syntax: 'X-API-Key header', template: "headers = {'X-API-Key': '{S}'}" },
  { syntax: 'curl -u', template: 'curl -u admin:{S} https://ci.example.com/api/json', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: 'redis URL empty user', template: 'REDIS_URL=redis://:{S}@cache.internal:6379/0', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: 'postgres URL', template: 'url: postgres://app:{S}@db.internal:5432/shop', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: 'MongoDB SRV URL', template: 'const uri = "mongodb+srv://app:{S}@cluster0.abcde.mongodb.net/shop?retryWrites=true";', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: 'JDBC query password', template: 'jdbc:mysql://db:3306/shop?user=app&password={S}&useSSL=true', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: 'JDBC SQL Server', template: 'jdbc:sqlserver://db:1433;databaseName=shop;user=sa;password={S};', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: 'token as URL user', template: 'git clone https://{S}@github.com/acme/private.git', secrets: ['hex32', 'alnum', 'github'] },
  { syntax: 'Kubernetes Secret data', template: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  db-url: {S}\n  tls.crt: {S2}' },
  { syntax: 'Kubernetes env name/value', template: 'env:\n  - name: DB_PASSWORD\n    value: "{S}"\n  - name: LOG_LEVEL\n    value: info' },
  { syntax: 'Makefile', template: 'DEPLOY_TOKEN ?= {S}\ndeploy:\n\t./deploy.sh' },
  { syntax: 'CLI flag', template: 'mysqldump --user=root --password={S} shop > dump.sql' },
  { syntax: '.npmrc', template: '//registry.npmjs.org/:_authToken={S}', secrets: ['hex32', 'uuid', 'alnum', 'base64'] },
  { syntax: 'Terraform', template: 'resource "aws_db_instance" "db" {\n  password = "{S}"\n}' },
  { syntax: 'docker login -p', template: 'docker login -u ci -p {S} registry.example.com', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: 'mysql -p', template: 'mysql -h db -u root -p{S} shop < dump.sql', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: '.netrc', template: 'machine github.com login ci password {S}' },
  { syntax: 'JSON in a string', template: 'const cfg = "{\\"password\\": \\"{S}\\", \\"user\\": \\"app\\"}";' },
  { syntax: 'C# connection string in XML', template: '<add name="Default" connectionString="Server=db;Database=shop;User ID=app;Password={S};" />', secrets: ['password', 'hex32', 'alnum', 'uuid'] },
  { syntax: 'GitHub Actions env', template: 'env:\n  SLACK_TOKEN: {S}\nsteps:\n  - run: make' },
];

/** Lines that look like secrets but are not: must come out unchanged. */
export const NEAR_MISSES: readonly string[] = [
  'password: "[type=password]"',
  'token: "access_token"',
  'const password = process.env.DB_PASSWORD;',
  'PASSWORD=${DB_PASSWORD}',
  'API_KEY=<your-key-here>',
  'export TOKEN=',
  'SECRET=changeme',
  'const tokenizer = new Tokenizer();',
  'if (apiKey === undefined) { throw new Error("no key"); }',
  'const url = "https://example.com:8080/path?x=1";',
  'postgres://localhost:5432/app',
  'redis://cache:6379/0',
  'AUTHOR=Jane Doe',
  'MONKEY_BUSINESS=bananas',
  'const sk_test = 1; // sk_ prefix without a key',
  'eyJ is how base64 JSON starts',
  'const AKIAx = "short";',
  'password: "***"',
  'password_field: "input#password"',
  'max_tokens: 4096',
  'tokenLimit = 100000',
  'primaryKey: "id"',
  'token_url = "https://auth.example.com/oauth/token"',
  'secret_name: prod/db/password',
  'passwordHash = bcrypt.hash(password, 12)',
  'const { password } = req.body;',
  'password = getpass.getpass()',
  'self.api_key = api_key',
  'def login(username, password):',
  'password: string;',
  'token: Token | null = null',
  'Authorization: `Bearer ${token}`',
  "headers: { Authorization: 'Bearer ' + accessToken }",
  'curl -u $USER:$PASS https://example.com',
  'ssh_key_file = ~/.ssh/id_rsa',
  'key: "user-settings"',
  'cacheKey = `${userId}:${page}`',
  'secretary: "Jane"',
  'const SECRET_LENGTH = 32;',
  'passwordMinLength: 12',
  'TOKEN_ENV_VAR = "GITHUB_TOKEN"',
  '"password": "********"',
  'password = "xxxxxxxx"',
  'client_secret: "{{ .Values.clientSecret }}"',
  'apiKey: process.env.OPENAI_API_KEY ?? ""',
  'jwt_secret = os.environ["JWT_SECRET"]',
  'aws_secret_access_key = YOUR_SECRET_ACCESS_KEY',
  'placeholder="Enter your password"',
  'throw new Error("Invalid token, please log in again.");',
  '<input type="password" name="password" autocomplete="current-password">',
  'git clone https://github.com/acme/public.git',
  'mailto:support@example.com',
  'https://user@example.com/path',
  'docker run -p 8080:80 nginx',
  'mysql -h db -u root -p shop',
  'machine github.com login ci',
  'const sk_test = 1; // sk_ prefix without a key',
  'eyJ is how base64 JSON starts',
];

/** Fills a template with one secret (and a second, different one for `{S2}`). */
export function fill(template: string, secret: string, second = SECRETS.alnum === secret ? SECRETS.hex32 : SECRETS.alnum): { text: string; secrets: string[] } {
  const secrets = [secret];
  if (template.includes('{S2}')) {
    secrets.push(second);
  }
  return { text: template.replace('{S}', secret).replace('{S2}', second), secrets };
}
