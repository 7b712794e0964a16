/**
 * Provider token formats, one entry per provider family. Each entry names the family, where its
 * format is documented, the keywords that must occur (case-insensitively) before its pattern is
 * even run, and the pattern itself (a JavaScript regular expression, proven free of super-linear
 * backtracking by recheck in test/unit/redact/redos.test.ts, run only inside bounded windows).
 *
 * The formats come from the providers' documentation and from the rule sets of the open-source
 * scanners gitleaks (MIT) and secretlint (MIT); the patterns are written for this table.
 * A pattern's first capture group, when it has one, is the secret; otherwise the whole match is.
 * JSON Web Tokens are scanned by hand (jsonWebTokens.ts), private keys by shape (privateKeys.ts).
 * Tokens that are public by design (Stripe `pk_`, Mapbox `pk.`, Algolia search keys) are not here.
 */

export interface ProviderRule {
  /** Kind shown in placeholders and counts, e.g. `github-token`. */
  readonly kind: string;
  /** Human name of the family. */
  readonly family: string;
  /** Where the token format is documented. */
  readonly docs: string;
  /** Lower-case literals; the pattern runs only around an occurrence of one of them. */
  readonly keywords: readonly string[];
  /** Match the keywords case-sensitively (for short, common literals such as `SK`). */
  readonly exactKeywords?: boolean;
  /** JavaScript regular expression source, checked for ReDoS by recheck in a unit test. */
  readonly pattern: string;
  /** Extra flags (`i`, `m`); `g` is always added. */
  readonly flags?: string;
  /** Require a non-alphanumeric character (or the text edge) on both sides of the secret. Default true. */
  readonly boundary?: boolean;
  /** Characters before a keyword occurrence where the token may start (default 64). */
  readonly lead?: number;
  /** Characters after a keyword occurrence where the token may end (default 320). */
  readonly reach?: number;
  /** Require lower-case, upper-case letters and digits in the secret (AWS secret keys). */
  readonly mixedCase?: boolean;
  /** Minimum Shannon entropy of the secret (bits/char), to drop runs like `AKIAAAAAAAAAAAAAAAAA`. */
  readonly minEntropy?: number;
}

/** `<context word>… = value` for providers whose tokens have no prefix of their own. */
function near(words: string, value: string): string {
  return `(?:${words})[\\w.-]{0,40}["'\\x60]?[ \\t]{0,3}(?::{0,3}=|\\?=|=>|:|,|\\()[ \\t]{0,3}["'\\x60]?(${value})(?:[^A-Za-z0-9]|$)`;
}

export const PROVIDER_RULES: readonly ProviderRule[] = [
  { kind: 'aws-access-key', family: 'AWS', docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html', keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'], pattern: '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}', minEntropy: 3 },
  { kind: 'aws-bedrock-key', family: 'AWS', docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html', keywords: ['absk', 'bedrock-api-key-'], reach: 600, pattern: '(?:ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-[A-Za-z0-9+/=]{40,})' },
  { kind: 'aws-secret-key', family: 'AWS', docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html', keywords: ['aws', 'secret_access_key', 'secretaccesskey'], mixedCase: true, flags: 'i', pattern: near('aws|secret_?access_?key', '[A-Za-z0-9/+]{40}'), minEntropy: 3.5 },
  { kind: 'github-token', family: 'GitHub', docs: 'https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/', keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], pattern: '(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})' },
  { kind: 'gitlab-token', family: 'GitLab', docs: 'https://docs.gitlab.com/security/tokens/#token-prefixes', keywords: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glrtr-', 'glcbt-', 'glimt-', 'glffct-', 'glft-', 'glsoat-', 'gloas-', 'glagent-', 'glwt-', 'gltst-', 'glsa_', 'gr1348941', '_gitlab_session='], reach: 400, pattern: '(?:gl(?:pat|ptt|dt|rt|rtr|cbt|imt|ffct|ft|soat|oas|agent|wt|tst)-[0-9A-Za-z_.-]{20,300}|GR1348941[0-9A-Za-z_-]{20,}|_gitlab_session=([0-9a-z]{32}))' },
  { kind: 'slack-token', family: 'Slack', docs: 'https://api.slack.com/authentication/token-types', keywords: ['xox', 'xapp-'], pattern: '(?:xox[abposre]-[0-9A-Za-z-]{10,250}|xoxe\\.xox[bp]-[0-9A-Za-z-]{10,250}|xapp-\\d-[A-Z0-9]{6,}-\\d{6,}-[a-f0-9]{20,})' },
  { kind: 'slack-webhook', family: 'Slack', docs: 'https://api.slack.com/messaging/webhooks', keywords: ['hooks.slack.com'], lead: 10, pattern: '(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}' },
  { kind: 'stripe-key', family: 'Stripe', docs: 'https://docs.stripe.com/keys', keywords: ['sk_', 'rk_', 'whsec_'], pattern: '(?:(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,250}|whsec_[A-Za-z0-9]{24,})' },
  { kind: 'google-api-key', family: 'Google Cloud', docs: 'https://cloud.google.com/docs/authentication/api-keys', keywords: ['aiza'], pattern: 'AIza[0-9A-Za-z_-]{35}' },
  { kind: 'google-oauth', family: 'Google Cloud', docs: 'https://developers.google.com/identity/protocols/oauth2', keywords: ['gocspx-', 'ya29.', '1//'], pattern: '(?:GOCSPX-[0-9A-Za-z_-]{28}|ya29\\.[0-9A-Za-z_-]{20,}|1//0[0-9A-Za-z_-]{40,})' },
  { kind: 'openai-api-key', family: 'OpenAI', docs: 'https://platform.openai.com/docs/api-reference/authentication', keywords: ['t3blbkfj', 'sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-none-'], lead: 80, pattern: '(?:sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,250}|sk-[A-Za-z0-9_-]{10,80}T3BlbkFJ[A-Za-z0-9_-]{10,80})' },
  { kind: 'openai-api-key', family: 'OpenAI', docs: 'https://platform.openai.com/docs/api-reference/authentication', keywords: ['sk-'], pattern: 'sk-[A-Za-z0-9]{48}' },
  { kind: 'anthropic-api-key', family: 'Anthropic', docs: 'https://docs.anthropic.com/en/api/getting-started', keywords: ['sk-ant-'], pattern: 'sk-ant-(?:api|admin|oat|sid)\\d{2}-[A-Za-z0-9_-]{20,200}' },
  { kind: 'npm-token', family: 'npm', docs: 'https://docs.npmjs.com/about-access-tokens', keywords: ['npm_'], pattern: 'npm_[A-Za-z0-9]{36}' },
  { kind: 'npm-token', family: 'npm', docs: 'https://docs.npmjs.com/cli/configuring-npm/npmrc', keywords: ['_authtoken', '_auth', '_password'], lead: 2, flags: 'im', pattern: '(?:^|[\\s:/])(?:_authToken|_auth|_password)\\s{0,3}=\\s{0,3}["\']?([A-Za-z0-9+/=_.:-]{8,})' },
  { kind: 'pypi-token', family: 'PyPI', docs: 'https://pypi.org/help/#apitoken', keywords: ['pypi-ag'], pattern: 'pypi-AgE[A-Za-z0-9_-]{50,}' },
  { kind: 'twilio-key', family: 'Twilio', docs: 'https://www.twilio.com/docs/iam/api-keys', keywords: ['SK'], exactKeywords: true, pattern: 'SK[0-9a-fA-F]{32}', minEntropy: 3 },
  { kind: 'twilio-key', family: 'Twilio', docs: 'https://www.twilio.com/docs/iam/access-tokens', keywords: ['twilio'], flags: 'i', pattern: near('twilio', '[a-f0-9]{32}') },
  { kind: 'sendgrid-key', family: 'SendGrid', docs: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys', keywords: ['sg.'], pattern: 'SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}' },
  { kind: 'mailgun-key', family: 'Mailgun', docs: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication', keywords: ['key-', 'pubkey-', 'mailgun'], pattern: '(?:(?:pub)?key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})' },
  { kind: 'mailchimp-key', family: 'Mailchimp', docs: 'https://mailchimp.com/developer/marketing/guides/quick-start/', keywords: ['-us'], lead: 40, pattern: '[0-9a-f]{32}-us[0-9]{1,2}' },
  { kind: 'shopify-token', family: 'Shopify', docs: 'https://shopify.dev/docs/apps/build/authentication-authorization', keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], pattern: 'shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,40}' },
  { kind: 'huggingface-token', family: 'Hugging Face', docs: 'https://huggingface.co/docs/hub/security-tokens', keywords: ['hf_', 'api_org_'], pattern: '(?:hf_[A-Za-z0-9]{34,40}|api_org_[A-Za-z0-9]{34})', minEntropy: 3 },
  { kind: 'cloudflare-key', family: 'Cloudflare', docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/', keywords: ['v1.0-'], pattern: 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}' },
  { kind: 'cloudflare-key', family: 'Cloudflare', docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/', keywords: ['cloudflare', 'cf_'], flags: 'i', pattern: '(?:cloudflare|cf_api)[\\w.-]{0,40}["\']?[ \\t]{0,3}(?::{0,3}=|\\?=|=>|:|,)[ \\t]{0,3}["\']?([A-Za-z0-9_-]{37,40})' },
  { kind: 'atlassian-token', family: 'Atlassian', docs: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/', keywords: ['atatt3', 'atctt3', 'atlassian', 'confluence', 'jira'], pattern: 'AT(?:ATT|CTT)3[A-Za-z0-9_=-]{150,250}' },
  { kind: 'atlassian-token', family: 'Atlassian', docs: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/', keywords: ['atatt3', 'atctt3', 'atlassian', 'confluence', 'jira'], flags: 'i', pattern: '(?:atlassian|confluence|jira)[\\w.-]{0,40}["\']?[ \\t]{0,3}(?::{0,3}=|\\?=|=>|:|,)[ \\t]{0,3}["\']?([A-Za-z0-9]{24})' },
  { kind: 'telegram-bot-token', family: 'Telegram', docs: 'https://core.telegram.org/bots/api#authorizing-your-bot', keywords: [':aa'], lead: 20, pattern: '[0-9]{5,16}:AA[A-Za-z0-9_-]{33}' },
  { kind: 'databricks-token', family: 'Databricks', docs: 'https://docs.databricks.com/en/dev-tools/auth/pat.html', keywords: ['dapi', 'dose'], pattern: '(?:dapi|dose)[a-fA-F0-9]{32}(?:-[0-9])?' },
  { kind: 'digitalocean-token', family: 'DigitalOcean', docs: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/', keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'], pattern: 'do[por]_v1_[a-f0-9]{64}' },
  { kind: 'vault-token', family: 'HashiCorp Vault', docs: 'https://developer.hashicorp.com/vault/docs/concepts/tokens', keywords: ['hvs.', 'hvb.', 'hvr.', 'vault'], reach: 400, pattern: 'hv[sbr]\\.[A-Za-z0-9_-]{24,300}' },
  { kind: 'vault-token', family: 'HashiCorp Vault', docs: 'https://developer.hashicorp.com/vault/docs/concepts/tokens', keywords: ['hvs.', 'hvb.', 'hvr.', 'vault'], reach: 400, flags: 'i', pattern: 'vault[\\w.-]{0,40}["\']?[ \\t]{0,3}(?::{0,3}=|\\?=|=>|:|,)[ \\t]{0,3}["\']?(s\\.[A-Za-z0-9]{24})' },
  { kind: 'terraform-token', family: 'HashiCorp Terraform', docs: 'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens', keywords: ['.atlasv1.'], lead: 16, pattern: '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}' },
  { kind: 'azure-secret', family: 'Azure', docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials', keywords: ['q~'], lead: 8, pattern: '[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}' },
  { kind: 'azure-secret', family: 'Azure', docs: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string', keywords: ['accountkey=', 'sharedaccesskey=', 'sig='], flags: 'i', pattern: '(?:AccountKey|SharedAccessKey|sig)=([A-Za-z0-9+/%]{20,}={0,2})' },
  { kind: 'azure-secret', family: 'Azure', docs: 'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate', keywords: ['azure', 'ado_', 'devops'], flags: 'i', pattern: near('azure|ado_|devops', '[a-z0-9]{52}|[A-Za-z0-9]{84}') },
  { kind: 'heroku-key', family: 'Heroku', docs: 'https://devcenter.heroku.com/articles/authentication', keywords: ['hrku-'], pattern: 'HRKU-AA[0-9A-Za-z_-]{58}' },
  { kind: 'heroku-key', family: 'Heroku', docs: 'https://devcenter.heroku.com/articles/authentication', keywords: ['heroku'], flags: 'i', pattern: 'heroku[\\w.-]{0,40}["\']?[ \\t]{0,3}(?::{0,3}=|\\?=|=>|:|,)[ \\t]{0,3}["\']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})' },
  { kind: 'newrelic-key', family: 'New Relic', docs: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/', keywords: ['nrak-', 'nrjs-', 'nrii-', 'nral-'], pattern: 'NR(?:AK|II|AL)-[A-Z0-9]{27}|NRJS-[a-f0-9]{19}' },
  { kind: 'datadog-key', family: 'Datadog', docs: 'https://docs.datadoghq.com/account_management/api-app-keys/', keywords: ['datadog', 'dd_api', 'dd_app'], flags: 'i', pattern: near('datadog|dd_api|dd_app', '[a-f0-9]{32}|[a-f0-9]{40}') },
  { kind: 'sentry-token', family: 'Sentry', docs: 'https://docs.sentry.io/account/auth-tokens/', keywords: ['sntrys_', 'sntryu_'], reach: 1024, pattern: '(?:sntrys_eyJ[A-Za-z0-9+/=_-]{80,}|sntryu_[a-f0-9]{64})' },
  { kind: 'discord-token', family: 'Discord', docs: 'https://discord.com/developers/docs/reference#authentication', keywords: ['discord'], lead: 40, pattern: '(?:https?://)?(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,72}' },
  { kind: 'discord-token', family: 'Discord', docs: 'https://discord.com/developers/docs/reference#authentication', keywords: ['discord'], lead: 40, flags: 'i', pattern: 'discord[\\w.-]{0,40}["\']?[ \\t]{0,3}(?::{0,3}=|\\?=|=>|:|,)[ \\t]{0,3}["\']?([A-Za-z0-9_.-]{32,80})' },
  { kind: 'dropbox-token', family: 'Dropbox', docs: 'https://developers.dropbox.com/oauth-guide', keywords: ['sl.'], pattern: 'sl\\.[A-Za-z0-9_-]{130,152}' },
  { kind: 'dropbox-token', family: 'Dropbox', docs: 'https://developers.dropbox.com/oauth-guide', keywords: ['dropbox'], flags: 'i', pattern: 'dropbox[\\w.-]{0,40}["\']?[ \\t]{0,3}(?::{0,3}=|\\?=|=>|:|,)[ \\t]{0,3}["\']?([A-Za-z0-9_-]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}|[A-Za-z0-9]{15})' },
  { kind: 'doppler-token', family: 'Doppler', docs: 'https://docs.doppler.com/reference/auth-token-formats', keywords: ['dp.'], pattern: 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9._-]{40,}' },
  { kind: 'dynatrace-token', family: 'Dynatrace', docs: 'https://docs.dynatrace.com/docs/manage/access-control/access-tokens', keywords: ['dt0c01.', 'dt0s'], pattern: 'dt0[cs][0-9]{2}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}' },
  { kind: 'easypost-token', family: 'EasyPost', docs: 'https://docs.easypost.com/docs/authentication', keywords: ['ezak', 'eztk'], pattern: 'EZ[AT]K[A-Za-z0-9]{54}' },
  { kind: 'flutterwave-key', family: 'Flutterwave', docs: 'https://developer.flutterwave.com/docs/integration-guides/authentication', keywords: ['flwseck', 'flwenc'], pattern: 'FLW(?:SECK_TEST|SECK|ENC_TEST)[-_a-hA-H0-9]{12,40}(?:-X)?' },
  { kind: 'frameio-token', family: 'Frame.io', docs: 'https://developer.frame.io/docs/getting-started/authentication', keywords: ['fio-u-'], pattern: 'fio-u-[A-Za-z0-9_=-]{64}' },
  { kind: 'grafana-token', family: 'Grafana', docs: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/', keywords: ['glc_', 'glsa_', 'eyjrijoi'], reach: 500, pattern: '(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9]{70,400}={0,2})' },
  { kind: 'linear-key', family: 'Linear', docs: 'https://developers.linear.app/docs/graphql/working-with-the-graphql-api', keywords: ['lin_api_', 'lin_oauth_'], pattern: 'lin_(?:api|oauth)_[A-Za-z0-9]{40,48}' },
  { kind: 'mapbox-token', family: 'Mapbox', docs: 'https://docs.mapbox.com/help/glossary/access-token/', keywords: ['sk.eyj', 'tk.eyj'], pattern: '[st]k\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}' },
  { kind: 'planetscale-token', family: 'PlanetScale', docs: 'https://planetscale.com/docs/concepts/service-tokens', keywords: ['pscale_'], pattern: 'pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.-]{32,64}' },
  { kind: 'postman-key', family: 'Postman', docs: 'https://learning.postman.com/docs/developer/postman-api/authentication/', keywords: ['pmak-'], pattern: 'PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}' },
  { kind: 'prefect-key', family: 'Prefect', docs: 'https://docs.prefect.io/latest/cloud/users/api-keys/', keywords: ['pnu_'], pattern: 'pnu_[A-Za-z0-9]{36}' },
  { kind: 'pulumi-token', family: 'Pulumi', docs: 'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/', keywords: ['pul-'], pattern: 'pul-[a-f0-9]{40}' },
  { kind: 'readme-key', family: 'ReadMe', docs: 'https://docs.readme.com/main/reference/intro-authentication', keywords: ['rdme_'], pattern: 'rdme_[a-z0-9]{70}' },
  { kind: 'rubygems-key', family: 'RubyGems', docs: 'https://guides.rubygems.org/api-key-scopes/', keywords: ['rubygems_'], pattern: 'rubygems_[a-f0-9]{48}' },
  { kind: 'scalingo-token', family: 'Scalingo', docs: 'https://developers.scalingo.com/#authentication', keywords: ['tk-us-'], pattern: 'tk-us-[A-Za-z0-9_-]{48}' },
  { kind: 'sendinblue-key', family: 'Brevo (Sendinblue)', docs: 'https://developers.brevo.com/docs/getting-started', keywords: ['xkeysib-', 'xsmtpsib-'], pattern: 'x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}' },
  { kind: 'shippo-token', family: 'Shippo', docs: 'https://docs.goshippo.com/docs/guides_general/authentication/', keywords: ['shippo_'], pattern: 'shippo_(?:live|test)_[a-fA-F0-9]{40}' },
  { kind: 'square-token', family: 'Square', docs: 'https://developer.squareup.com/docs/build-basics/access-tokens', keywords: ['eaaa', 'sq0atp-', 'sq0csp-'], pattern: '(?:EAAA[A-Za-z0-9_-]{22,60}|sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43})', minEntropy: 3 },
  { kind: 'typeform-token', family: 'Typeform', docs: 'https://www.typeform.com/developers/get-started/personal-access-token/', keywords: ['tfp_'], pattern: 'tfp_[A-Za-z0-9_.=-]{59}' },
  { kind: 'age-secret-key', family: 'age', docs: 'https://age-encryption.org/v1', keywords: ['age-secret-key-1'], pattern: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}' },
  { kind: 'airtable-token', family: 'Airtable', docs: 'https://airtable.com/developers/web/guides/personal-access-tokens', keywords: ['pat'], exactKeywords: true, reach: 84, pattern: 'pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}' },
  { kind: 'airtable-token', family: 'Airtable', docs: 'https://airtable.com/developers/web/api/authentication', keywords: ['airtable'], flags: 'i', pattern: near('airtable', '[A-Za-z0-9]{17}') },
  { kind: 'alibaba-key', family: 'Alibaba Cloud', docs: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair', keywords: ['ltai'], pattern: 'LTAI[A-Za-z0-9]{20}' },
  { kind: 'artifactory-token', family: 'JFrog Artifactory', docs: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens', keywords: ['akcp', 'cmvmdgtu'], pattern: '(?:AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})' },
  { kind: 'beamer-token', family: 'Beamer', docs: 'https://www.getbeamer.com/api', keywords: ['beamer'], flags: 'i', pattern: 'beamer[\\w.-]{0,40}["\']?[ \\t]{0,3}(?::{0,3}=|\\?=|=>|:|,)[ \\t]{0,3}["\']?(b_[A-Za-z0-9=_-]{44})' },
  { kind: 'clojars-token', family: 'Clojars', docs: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens', keywords: ['clojars_'], flags: 'i', pattern: 'CLOJARS_[a-z0-9]{60}' },
  { kind: 'contentful-token', family: 'Contentful', docs: 'https://www.contentful.com/developers/docs/references/authentication/', keywords: ['cfpat-'], pattern: 'CFPAT-[A-Za-z0-9_-]{43}' },
  { kind: 'defined-networking-token', family: 'Defined Networking', docs: 'https://docs.defined.net/guides/automating-host-creation/', keywords: ['dnkey-'], pattern: 'dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}' },
  { kind: 'duffel-token', family: 'Duffel', docs: 'https://duffel.com/docs/api/overview/making-requests/authentication', keywords: ['duffel_'], pattern: 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}' },
  { kind: 'flyio-token', family: 'Fly.io', docs: 'https://fly.io/docs/security/tokens/', keywords: ['fo1_', 'fm1', 'fm2'], reach: 4096, pattern: '(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})' },
  { kind: 'facebook-token', family: 'Facebook', docs: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens', keywords: ['facebook'], reach: 200, pattern: '[0-9]{15,16}\\|[A-Za-z0-9_-]{27}' },
  { kind: 'sidekiq-secret', family: 'Sidekiq', docs: 'https://github.com/sidekiq/sidekiq/wiki/Commercial-FAQ', keywords: ['contribsys.com'], lead: 60, pattern: 'https?://([a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\\.contribsys\\.com' },
  { kind: 'sourcegraph-token', family: 'Sourcegraph', docs: 'https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token', keywords: ['sourcegraph'], flags: 'i', pattern: near('sourcegraph', '[a-f0-9]{40}') },
  { kind: 'sumologic-key', family: 'Sumo Logic', docs: 'https://help.sumologic.com/docs/manage/security/access-keys/', keywords: ['sumo'], flags: 'i', pattern: near('sumo', 'su[A-Za-z0-9]{12}|[A-Za-z0-9]{64}') },
  { kind: 'cloudflare-key', family: 'Cloudflare', docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/', keywords: ['cfat_', 'cfut_', 'cfk_'], pattern: 'cf(?:at|ut|k)_[A-Za-z0-9]{40,60}' },
  { kind: 'github-token', family: 'GitHub', docs: 'https://github.blog/changelog/2025-github-app-installation-tokens/', keywords: ['ghs_'], reach: 2048, pattern: 'ghs_[0-9]{1,12}_eyJ[A-Za-z0-9_.-]{20,1900}' },
  { kind: 'adobe-secret', family: 'Adobe', docs: 'https://developer.adobe.com/developer-console/docs/guides/authentication/', keywords: ['p8e-'], pattern: 'p8e-[A-Za-z0-9]{32}' },
  { kind: 'tailscale-key', family: 'Tailscale', docs: 'https://tailscale.com/kb/1085/auth-keys', keywords: ['tskey-'], boundary: false, pattern: 'tskey-[a-z]{2,12}-[A-Za-z0-9]{6,40}-[A-Za-z0-9]{16,80}' },
  { kind: 'vercel-token', family: 'Vercel', docs: 'https://vercel.com/docs/rest-api#authentication', keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], pattern: 'vc[pcairk]_[A-Za-z0-9]{24,}' },
  { kind: 'facebook-token', family: 'Facebook', docs: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens', keywords: ['eaa'], reach: 1024, pattern: 'EAA[MC][A-Za-z0-9]{100,}' },
  { kind: 'harness-token', family: 'Harness', docs: 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/', keywords: ['pat.', 'sat.'], pattern: '(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[a-fA-F0-9]{24}\\.[A-Za-z0-9]{20}' },
  { kind: 'infracost-token', family: 'Infracost', docs: 'https://www.infracost.io/docs/', keywords: ['ico-'], pattern: 'ico-[A-Za-z0-9]{32}' },
  { kind: 'intra42-secret', family: '42 Intra', docs: 'https://api.intra.42.fr/apidoc', keywords: ['s-s4t2'], pattern: 's-s4t2(?:ud|af)-[a-f0-9]{64}' },
  { kind: 'octopus-key', family: 'Octopus Deploy', docs: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key', keywords: ['api-'], pattern: 'API-[A-Z0-9]{26}', minEntropy: 3 },
  { kind: 'openshift-token', family: 'OpenShift', docs: 'https://docs.openshift.com/container-platform/latest/authentication/', keywords: ['sha256~'], pattern: 'sha256~[A-Za-z0-9_-]{43}' },
  { kind: 'perplexity-key', family: 'Perplexity', docs: 'https://docs.perplexity.ai/guides/getting-started', keywords: ['pplx-'], pattern: 'pplx-[A-Za-z0-9]{48}' },
  { kind: 'groq-key', family: 'Groq', docs: 'https://console.groq.com/docs/api-keys', keywords: ['gsk_'], pattern: 'gsk_[A-Za-z0-9]{52}' },
  { kind: 'xai-key', family: 'xAI', docs: 'https://docs.x.ai/docs/overview', keywords: ['xai-'], pattern: 'xai-[A-Za-z0-9]{80}' },
  { kind: 'replicate-token', family: 'Replicate', docs: 'https://replicate.com/docs/reference/http#authentication', keywords: ['r8_'], pattern: 'r8_[A-Za-z0-9]{37}' },
  { kind: 'notion-token', family: 'Notion', docs: 'https://developers.notion.com/docs/authorization', keywords: ['ntn_', 'secret_'], pattern: '(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})' },
  { kind: 'onepassword-token', family: '1Password', docs: 'https://developer.1password.com/docs/service-accounts/', keywords: ['ops_eyj'], reach: 4096, pattern: 'ops_eyJ[A-Za-z0-9+/]{250,}={0,3}' },
  { kind: 'onepassword-token', family: '1Password', docs: 'https://support.1password.com/secret-key/', keywords: ['A3-'], exactKeywords: true, pattern: '(?:A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})' },
  { kind: 'sonar-token', family: 'SonarQube', docs: 'https://docs.sonarsource.com/sonarqube/latest/user-guide/user-account/generating-and-using-tokens/', keywords: ['squ_', 'sqp_', 'sqa_', 'sonar'], pattern: 'sq[upa]_[A-Za-z0-9]{40}' },
  { kind: 'sonar-token', family: 'SonarQube', docs: 'https://docs.sonarsource.com/sonarqube/latest/user-guide/user-account/generating-and-using-tokens/', keywords: ['squ_', 'sqp_', 'sqa_', 'sonar'], flags: 'i', pattern: 'sonar[\\w.-]{0,40}["\']?[ \\t]{0,3}(?::{0,3}=|\\?=|=>|:|,)[ \\t]{0,3}["\']?([a-z0-9]{40})' },
  { kind: 'sourcegraph-token', family: 'Sourcegraph', docs: 'https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token', keywords: ['sgp_', 'slk_'], pattern: '(?:sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}|slk_[a-fA-F0-9]{64})' },
  { kind: 'yandex-key', family: 'Yandex Cloud', docs: 'https://yandex.cloud/en/docs/iam/concepts/authorization/', keywords: ['AQVN', 't1.', 'YC'], exactKeywords: true, pattern: '(?:AQVN[A-Za-z0-9_-]{35,38}|t1\\.[A-Z0-9a-z_-]+={0,2}\\.[A-Z0-9a-z_-]{86}={0,2}|YC[A-Za-z0-9_-]{38})', minEntropy: 3.5 },
  { kind: 'langsmith-key', family: 'LangSmith', docs: 'https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key', keywords: ['lsv2_'], pattern: 'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}' },
  { kind: 'maxmind-key', family: 'MaxMind', docs: 'https://dev.maxmind.com/geoip/docs/web-services', keywords: ['_mmk'], lead: 40, pattern: '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk' },
  { kind: 'teams-webhook', family: 'Microsoft Teams', docs: 'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/', keywords: ['webhook.office.com', 'logic.azure.com'], lead: 80, reach: 600, pattern: 'https://[a-z0-9-]+\\.(?:webhook\\.office\\.com/webhookb2|logic\\.azure\\.com(?::443)?/workflows)/[A-Za-z0-9/@?&=%._-]{40,}' },
  { kind: 'nuget-key', family: 'NuGet', docs: 'https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys', keywords: ['oy2'], pattern: 'oy2[a-z0-9]{43}' },
  { kind: 'plaid-token', family: 'Plaid', docs: 'https://plaid.com/docs/api/tokens/', keywords: ['access-sandbox-', 'access-development-', 'access-production-'], pattern: 'access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' },
  { kind: 'twitter-token', family: 'X (Twitter)', docs: 'https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens', keywords: ['AAAAAAAAAAAAAAAAAAAAA'], exactKeywords: true, pattern: 'A{22}[A-Za-z0-9%]{80,120}' },
  { kind: 'launchdarkly-token', family: 'LaunchDarkly', docs: 'https://docs.launchdarkly.com/home/account/api', keywords: ['api-', 'sdk-', 'mob-'], pattern: '(?:api|sdk|mob)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' },
  { kind: 'authress-key', family: 'Authress', docs: 'https://authress.io/knowledge-base/docs/authorization/service-clients', keywords: ['sc_', 'ext_', 'scauth_', 'authress_'], pattern: '(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\\.[a-z0-9]{4,6}\\.acc[_-][a-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}' },
  { kind: 'clickhouse-secret', family: 'ClickHouse Cloud', docs: 'https://clickhouse.com/docs/en/cloud/manage/openapi', keywords: ['4b1d'], pattern: '4b1d[A-Za-z0-9]{38}' },
  { kind: 'settlemint-token', family: 'SettleMint', docs: 'https://console.settlemint.com/documentation', keywords: ['sm_'], pattern: 'sm_(?:aat|pat|sat)_[a-zA-Z0-9]{16}' },
  { kind: 'sidekiq-secret', family: 'Sidekiq', docs: 'https://github.com/sidekiq/sidekiq/wiki/Commercial-FAQ', keywords: ['contribsys'], lead: 40, flags: 'i', pattern: '(?:BUNDLE_ENTERPRISE__CONTRIBSYS__COM|BUNDLE_GEMS__CONTRIBSYS__COM)\\s{0,3}[=:]\\s{0,3}["\']?([a-f0-9]{8}:[a-f0-9]{8})|gems\\.contribsys\\.com' },
  { kind: 'privateai-key', family: 'Private AI', docs: 'https://docs.private-ai.com/', keywords: ['private_ai', 'privateai', 'private-ai'], flags: 'i', pattern: near('private[_-]?ai', '[A-Za-z0-9]{32}') },
  { kind: 'deepseek-key', family: 'DeepSeek', docs: 'https://api-docs.deepseek.com/', keywords: ['deepseek'], flags: 'i', pattern: near('deepseek', 'sk-[a-f0-9]{32}') },
  { kind: 'cohere-key', family: 'Cohere', docs: 'https://docs.cohere.com/reference/about', keywords: ['cohere', 'co_api'], flags: 'i', pattern: near('cohere|co_api', '[A-Za-z0-9]{40}') },
  { kind: 'snyk-token', family: 'Snyk', docs: 'https://docs.snyk.io/snyk-api/authentication-for-api', keywords: ['snyk'], flags: 'i', pattern: near('snyk', '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}') },
  { kind: 'okta-token', family: 'Okta', docs: 'https://developer.okta.com/docs/guides/create-an-api-token/', keywords: ['okta'], flags: 'i', pattern: near('okta|ssws', '00[A-Za-z0-9_=-]{40}') },
];
