#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1, starting them if they are down.
set -u

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

wait_for() {
  local check=$1
  for _ in $(seq 1 30); do "$check" && return 0; sleep 1; done
  return 1
}

if ! pg_up; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432; starting it..."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  wait_for pg_up || {
    echo "ERROR: PostgreSQL could not be started. Start it and run 'make test' again." >&2
    exit 1
  }
fi

if ! redis_up; then
  echo "Redis is not answering on 127.0.0.1:6379; starting it..."
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  wait_for redis_up || {
    echo "ERROR: Redis could not be started. Start it and run 'make test' again." >&2
    exit 1
  }
fi
echo "PostgreSQL and Redis are up."
