import { describe, expect, it } from 'vitest';
import { lineSeverity } from './line-severity';

describe('lineSeverity', () => {
  it('reads nginx -t on stderr as it means: ok is ok, emerg is an error', () => {
    expect(lineSeverity('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok')).toBeUndefined();
    expect(lineSeverity('nginx: configuration file /etc/nginx/nginx.conf test is successful')).toBeUndefined();
    expect(lineSeverity('nginx: [emerg] unknown directive "sever" in /etc/nginx/conf.d/app.conf:3')).toBe('error');
    expect(lineSeverity('2026/12/06 06:00:01 [warn] 12#12: conflicting server name')).toBe('warning');
  });

  it('finds level words as loggers write them, not inside other words', () => {
    expect(lineSeverity('ERROR: connection refused')).toBe('error');
    expect(lineSeverity('Traceback (most recent call last):')).toBe('error');
    expect(lineSeverity('WARNING: disk 91% full')).toBe('warning');
    expect(lineSeverity('error_log /var/log/nginx/error.log;')).toBeUndefined();
    expect(lineSeverity('GET /errors/42 200')).toBeUndefined();
    expect(lineSeverity('[error] 7#7: *1 connect() failed')).toBe('error');
    expect(lineSeverity('error_log set')).toBeUndefined();
    expect(lineSeverity('Tests: 42 passed, 0 errors')).toBeUndefined();
    expect(lineSeverity('Pulling image busybox:1.36 … done')).toBeUndefined();
  });

  it('trusts a level= field over the words of the message', () => {
    expect(lineSeverity('level=info msg="retrying after error"')).toBeUndefined();
    expect(lineSeverity('level=error msg="db down"')).toBe('error');
    expect(lineSeverity('time=… level="warn" msg=slow')).toBe('warning');
  });
});
