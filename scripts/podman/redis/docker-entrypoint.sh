#!/bin/sh
# Entry point of the locally built Redis image, which behaves like the official redis image's one.
# It prepends redis-server to arguments that start with "-" or end in ".conf". Started as root, it
# gives /data to the redis user and runs redis-server as that user.
# NOTE: Debian's redis-server keeps protected mode on by default, while the official image builds
# Redis with it off. Pass --protected-mode no to reach Redis through a published port.
set -eu

if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
  set -- redis-server "$@"
fi

if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
  find . \! -user redis -exec chown redis '{}' +
  exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
fi

exec "$@"
