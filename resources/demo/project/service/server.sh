#!/bin/sh
# The demo service. busybox nc runs this script once per connection, the socket on stdin and
# stdout: it reads one request and answers it.
#   GET /health   200 "ok" (always, even in the bad version: a health check alone misses its bug)
#   GET /version  the version, e.g. "v1.1.0"
#   GET /         a greeting
# config (per release) sets VERSION, GREETING and FAIL_PERCENT; DEMO_FAIL_PERCENT in the container's
# environment overrides it, to make any version fail on purpose.
. /app/config
fail=${DEMO_FAIL_PERCENT:-$FAIL_PERCENT}
cr=$(printf '\r')

read -r method path _
# Read the headers to the blank line: answering before the request is read can reset the connection.
while read -r line; do
  [ -z "$line" ] || [ "$line" = "$cr" ] && break
done

respond() {
  printf 'HTTP/1.1 %s\r\nContent-Type: text/plain\r\nContent-Length: %s\r\nX-App-Version: %s\r\nConnection: close\r\n\r\n%s\n' \
    "$1" "$((${#2} + 1))" "$VERSION" "$2"
}

if [ "$method" != GET ] && [ "$method" != HEAD ]; then
  respond '405 Method Not Allowed' 'only GET'
  exit 0
fi
case "$path" in
  /health) respond '200 OK' ok ;;
  /version | /)
    if [ "${fail:-0}" -gt 0 ] && [ $(($(od -An -N2 -tu2 /dev/urandom) % 100)) -lt "$fail" ]; then
      respond '500 Internal Server Error' 'internal error'
    elif [ "$path" = /version ]; then
      respond '200 OK' "$VERSION"
    else
      respond '200 OK' "$GREETING ($VERSION)"
    fi
    ;;
  *) respond '404 Not Found' 'not found' ;;
esac
