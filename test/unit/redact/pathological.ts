/**
 * Inputs built to make a backtracking scanner go quadratic, at any size. Used by the unit tests
 * (work grows linearly with size) and by the bench (ms per MB).
 */
const j = (...parts: string[]): string => parts.join('');

export interface PathologicalInput {
  readonly name: string;
  readonly text: string;
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
}

export function pathologicalInputs(size: number): PathologicalInput[] {
  return [
    { name: 'one line of eyJ fragments', text: repeatTo(j('ey', 'J'), size) },
    { name: 'eyJ fragments with dots', text: repeatTo(j('eyJ', 'abcdefghij.'), size) },
    { name: 'BEGIN PRIVATE KEY lines without END', text: repeatTo(j('-----BEGIN ', 'PRIVATE KEY-----\n'), size) },
    { name: 'BEGIN then base64 lines, no END', text: j('-----BEGIN ', 'RSA PRIVATE KEY-----\n') + repeatTo('MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi7VzYtjJHgIHjGQT5r6YwWP1lC\n', size) },
    { name: 'password=password=… on one line', text: repeatTo('password=', size) },
    { name: '"token": "token": … on one line', text: repeatTo('"token": ', size) },
    { name: 'scheme://user:user:user… without @', text: 'postgres://' + repeatTo('user:', size) },
    { name: '://@ repeated', text: repeatTo('a://b:c@', size) },
    { name: 'xoxb- repeated', text: repeatTo(j('xo', 'xb-'), size) },
    { name: 'base64 soup, one line', text: repeatTo('QWxhZGRpbjpvcGVuIHNlc2FtZQ+/', size) },
    { name: 'short base64 lines (key-body shape)', text: repeatTo('QWxhZGRpbjpvcGVuIHNlc2FtZQQWxhZGRpbjpvcGVuIHNlc2FtZQQWxhZGRpbjpv\n', size) },
    { name: 'one character', text: 'a'.repeat(size) },
    { name: 'newlines only', text: '\n'.repeat(size) },
    { name: 'Bearer Bearer …', text: repeatTo('Bearer ', size) },
    { name: 'curl -u a:b -u a:b …', text: 'curl ' + repeatTo('-u a:b ', size) },
    { name: 'kind: Secret with data lines', text: 'kind: Secret\ndata:\n' + repeatTo('  k: dmFsdWU=\n', size) },
    { name: 'key-key-key…', text: repeatTo('key-', size) },
    { name: 'AKIA repeated', text: repeatTo('AKIA', size) },
    { name: 'docker login -p on one long line', text: repeatTo('docker login -p x ', size) },
    { name: 'escaped \\"password\\": \\" without close', text: repeatTo('\\"password\\": \\"abc ', size) },
    { name: 'DB_PASSWORD=x; on one long line', text: repeatTo('DB_PASSWORD=s3cr3tValue; ', size) },
    { name: 'escaped BEGIN blocks on one line', text: repeatTo('"-----BEGIN PRIVATE KEY-----\\nMIIE\\n', size) },
  ];
}
