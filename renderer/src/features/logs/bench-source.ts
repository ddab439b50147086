// The benchmark's synthetic source: lines shaped like a busy service's access log, with a level
// coloured by ANSI codes on every tenth line (as real tools emit them), so the parser is in the path.

const paths = ['/api/orders', '/api/cart', '/api/users/me', '/healthz', '/api/search?q=shoes', '/static/app.js'];
const levels = [
  { word: 'INFO ', colour: '\u001b[32m' },
  { word: 'WARN ', colour: '\u001b[33m' },
  { word: 'ERROR', colour: '\u001b[1;31m' },
];
const epoch = Date.UTC(2025, 10, 26, 9, 0, 0);

export function syntheticLine(n: number): string {
  const time = new Date(epoch + n).toISOString();
  const level = levels[n % 97 === 0 ? 2 : n % 13 === 0 ? 1 : 0]!;
  const word = n % 10 === 0 ? `${level.colour}${level.word}\u001b[0m` : level.word;
  const status = n % 97 === 0 ? 500 : 200;
  return `${time} ${word} [worker-${n % 8}] ${paths[n % paths.length]} ${status} ${(n * 7) % 113}ms req=${n.toString(16).padStart(8, '0')}`;
}
