#!/usr/bin/env bash
# Starts, stops and inspects the local Kafka and Redis servers used for development, tests and CI.
# Run `scripts/stack.sh help` for the commands and environment variables.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/stack.sh COMMAND

Commands:
  up                       Start Kafka (single KRaft node) and Redis on 127.0.0.1 if they are not
                           running, wait until both accept requests, then print the connection
                           variables and write them to $RISKSTREAM_STACK_DIR/env.
  down                     Stop the servers this script started (SIGTERM, then SIGKILL after a
                           timeout). Data is kept.
  status                   Print whether each server is running. Exits 0 when both run, else 3.
  reset                    Run `down`, then delete the servers' data, logs and configuration.
  kafka-class CLASS [ARG]  Run a Kafka main class with the cached Kafka classpath, for example
                           org.apache.kafka.tools.ProducerPerformance.
  fetch                    Download the Kafka jars into the cache when they are missing, then print
                           KAFKA_VERSION=<version> and KAFKA_LIBS=<folder of the jars>.
  help                     Print this text.

Environment variables:
  KAFKA_PORT               Kafka PLAINTEXT listener port (default 9092)
  KAFKA_CONTROLLER_PORT    Kafka KRaft controller listener port (default 9093)
  REDIS_PORT               Redis port (default 6379)
  RISKSTREAM_STACK_DIR     Data, logs, pid files and env file (default <repo>/.stack)
  RISKSTREAM_CACHE_DIR     Downloaded Kafka jars (default <repo>/.cache)
  RISKSTREAM_STACK_TIMEOUT Seconds to wait for a server to start or stop (default 90)
  KAFKA_HEAP_OPTS          JVM heap options of the broker (default "-Xms256m -Xmx512m")
  KAFKA_TOOL_HEAP_OPTS     JVM heap options of `kafka-class` (default "-Xmx512m")
EOF
}

readonly HOST=127.0.0.1
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly REPO_ROOT
readonly KAFKA_SCRIPTS_DIR="$REPO_ROOT/scripts/kafka"
readonly KAFKA_POM="$KAFKA_SCRIPTS_DIR/pom.xml"

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
REDIS_PORT=${REDIS_PORT:-6379}
STACK_DIR=${RISKSTREAM_STACK_DIR:-$REPO_ROOT/.stack}
CACHE_DIR=${RISKSTREAM_CACHE_DIR:-$REPO_ROOT/.cache}
TIMEOUT_SECONDS=${RISKSTREAM_STACK_TIMEOUT:-90}
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
KAFKA_TOOL_HEAP_OPTS=${KAFKA_TOOL_HEAP_OPTS:--Xmx512m}

LOG_DIR="$STACK_DIR/logs"
ENV_FILE="$STACK_DIR/env"
LOCK_FILE="$STACK_DIR/.lock"
KAFKA_DIR="$STACK_DIR/kafka"
KAFKA_DATA_DIR="$KAFKA_DIR/data"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"
KAFKA_PID_FILE="$STACK_DIR/kafka.pid"
REDIS_DATA_DIR="$STACK_DIR/redis"
REDIS_PID_FILE="$STACK_DIR/redis.pid"

log() {
  printf 'stack: %s\n' "$*" >&2
}

die() {
  printf 'stack: error: %s\n' "$*" >&2
  exit 1
}

validate_settings() {
  local name value
  for name in KAFKA_PORT KAFKA_CONTROLLER_PORT REDIS_PORT; do
    value=${!name}
    if ! [[ $value =~ ^[0-9]+$ ]] || ((value < 1 || value > 65535)); then
      die "$name=$value is not a valid TCP port. Set it to a number from 1 to 65535"
    fi
  done
  if ((KAFKA_PORT == KAFKA_CONTROLLER_PORT || KAFKA_PORT == REDIS_PORT || KAFKA_CONTROLLER_PORT == REDIS_PORT)); then
    die "KAFKA_PORT=$KAFKA_PORT, KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT and REDIS_PORT=$REDIS_PORT must be three different ports"
  fi
  if ! [[ $TIMEOUT_SECONDS =~ ^[0-9]+$ ]] || ((TIMEOUT_SECONDS < 1)); then
    die "RISKSTREAM_STACK_TIMEOUT=$TIMEOUT_SECONDS is not a positive number of seconds"
  fi
}

# Serializes up, down and reset, so that two test runners calling `up` at once start one broker.
acquire_stack_lock() {
  mkdir -p "$STACK_DIR"
  exec 9>"$LOCK_FILE"
  flock 9
}

# ---------------------------------------------------------------------------
# Processes and ports
# ---------------------------------------------------------------------------

# Succeeds when a TCP connection to 127.0.0.1:PORT is accepted.
port_open() {
  (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# Prints the pid stored in PID_FILE when that process is alive and its command line contains
# PATTERN. Removes a stale pid file, for example one left by a crash or a reboot.
live_pid() {
  local pid_file=$1 pattern=$2 pid
  [[ -f $pid_file ]] || return 0
  pid=$(<"$pid_file")
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"; then
    printf '%s\n' "$pid"
    return 0
  fi
  log "removing stale pid file $pid_file (pid '$pid' is not a running $pattern process)"
  rm -f "$pid_file"
}

# Sends SIGTERM to the process in PID_FILE, waits for it to exit, then sends SIGKILL after the
# timeout. The pid file is removed in every case.
stop_process() {
  local name=$1 pid_file=$2 pattern=$3 pid deadline
  pid=$(live_pid "$pid_file" "$pattern")
  if [[ -z $pid ]]; then
    log "$name is not running"
    rm -f "$pid_file"
    return 0
  fi

  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + TIMEOUT_SECONDS))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) did not exit ${TIMEOUT_SECONDS}s after SIGTERM, so sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
      sleep 0.2
    done
  fi
  rm -f "$pid_file"
  log "$name stopped"
}

# Prints the last lines of a log file to stderr, so a startup error shows its cause in CI output.
show_log_tail() {
  local file=$1
  [[ -s $file ]] || return 0
  printf 'stack: last lines of %s:\n' "$file" >&2
  tail -n 25 "$file" | sed 's/^/    /' >&2
}

# ---------------------------------------------------------------------------
# Kafka
# ---------------------------------------------------------------------------

# The pom's kafka.version property is the only place where the Kafka version is pinned.
read_kafka_version() {
  local version
  version=$(sed -n 's:.*<kafka\.version>\(.*\)</kafka\.version>.*:\1:p' "$KAFKA_POM")
  [[ -n $version ]] || die "no <kafka.version> property found in $KAFKA_POM. Add one, for example <kafka.version>4.1.1</kafka.version>"
  printf '%s\n' "$version"
}

KAFKA_VERSION=$(read_kafka_version)
KAFKA_CACHE_DIR="$CACHE_DIR/kafka-$KAFKA_VERSION"
KAFKA_LIBS="$KAFKA_CACHE_DIR/libs"
# Contains the SHA-256 of the pom that filled libs/, so a changed dependency list refills the cache.
KAFKA_LIBS_MARKER="$KAFKA_CACHE_DIR/libs.complete"

require_java() {
  local version_line major
  command -v java >/dev/null || die "java not found on PATH. Kafka $KAFKA_VERSION needs Java 17 or newer (Debian: apt-get install -y openjdk-17-jre-headless)"
  version_line=$(java -version 2>&1 | head -n 1)
  major=$(sed -n 's/.*version "\([0-9]*\).*/\1/p' <<<"$version_line")
  if [[ -z $major ]] || ((major < 17)); then
    die "Kafka $KAFKA_VERSION needs Java 17 or newer, but java on PATH prints: $version_line. Put a Java 17 or newer first on PATH"
  fi
}

kafka_libs_ready() {
  [[ -f $KAFKA_LIBS_MARKER && $(<"$KAFKA_LIBS_MARKER") == "$(sha256sum "$KAFKA_POM" | cut -d ' ' -f 1)" ]]
}

# Copies Kafka and its runtime dependencies from Maven Central into the cache, once per pom content.
ensure_kafka_libs() {
  local partial="$KAFKA_CACHE_DIR/libs.partial" maven_log="$KAFKA_CACHE_DIR/maven.log"
  kafka_libs_ready && return 0

  command -v mvn >/dev/null || die "mvn not found on PATH, but it is needed once to download Kafka $KAFKA_VERSION. Install Maven (Debian: apt-get install -y maven)"
  mkdir -p "$KAFKA_CACHE_DIR"
  # A second process that waited here finds the cache filled by the first one.
  exec 8>"$KAFKA_CACHE_DIR/.lock"
  flock 8
  if kafka_libs_ready; then
    exec 8>&-
    return 0
  fi

  log "downloading Kafka $KAFKA_VERSION jars with Maven into $KAFKA_LIBS (Maven output in $maven_log)"
  rm -rf "$partial" "$KAFKA_LIBS_MARKER"
  if ! mvn -B -ntp -f "$KAFKA_POM" dependency:copy-dependencies -DoutputDirectory="$partial" >"$maven_log" 2>&1; then
    show_log_tail "$maven_log"
    die "Maven failed to download the dependencies in $KAFKA_POM (Kafka $KAFKA_VERSION). Check that Maven Central is reachable and that the version exists, then rerun"
  fi
  rm -rf "$KAFKA_LIBS"
  mv "$partial" "$KAFKA_LIBS"
  sha256sum "$KAFKA_POM" | cut -d ' ' -f 1 >"$KAFKA_LIBS_MARKER"
  exec 8>&-
}

# Sets KAFKA_CLASS_COMMAND to the java command line that runs a Kafka main class on the cached
# classpath. Extra JVM options go between the heap options and the class name.
build_kafka_class_command() {
  local class=$1
  shift
  local -a heap_opts
  read -ra heap_opts <<<"$KAFKA_TOOL_HEAP_OPTS"
  KAFKA_CLASS_COMMAND=(java "${heap_opts[@]}" "${KAFKA_TOOL_JVM_OPTS[@]}"
    -Dlog4j2.configurationFile="$KAFKA_SCRIPTS_DIR/tools-log4j2.xml"
    -cp "$KAFKA_LIBS/*" "$class" "$@")
}
KAFKA_TOOL_JVM_OPTS=()
KAFKA_CLASS_COMMAND=()

run_kafka_class() {
  build_kafka_class_command "$@"
  "${KAFKA_CLASS_COMMAND[@]}"
}

write_kafka_config() {
  mkdir -p "$KAFKA_DATA_DIR"
  # Rewritten on every start so that changed ports take effect. The quorum is static
  # (controller.quorum.voters), so the data folder does not record the controller port.
  cat >"$KAFKA_CONFIG" <<EOF
# Written by scripts/stack.sh on every start, so edit the script instead of this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA_DIR
num.partitions=1
# A single broker cannot host the default 3 replicas of the internal topics.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# The default of 3000 ms delays the first rebalance of every new consumer group, which tests create often.
group.initial.rebalance.delay.ms=0
EOF
}

# Formats the KRaft metadata folder once. meta.properties, written by the format, stores the cluster id.
format_kafka_storage() {
  local cluster_id
  [[ -f $KAFKA_DATA_DIR/meta.properties ]] && return 0
  cluster_id=$(run_kafka_class kafka.tools.StorageTool random-uuid)
  log "formatting KRaft storage in $KAFKA_DATA_DIR with cluster id $cluster_id"
  if ! run_kafka_class kafka.tools.StorageTool format --config "$KAFKA_CONFIG" --cluster-id "$cluster_id" >>"$LOG_DIR/kafka-format.log" 2>&1; then
    show_log_tail "$LOG_DIR/kafka-format.log"
    die "formatting KRaft storage in $KAFKA_DATA_DIR failed. See $LOG_DIR/kafka-format.log"
  fi
}

start_kafka_process() {
  local -a heap_opts
  read -ra heap_opts <<<"$KAFKA_HEAP_OPTS"
  rm -f "$KAFKA_PID_FILE"
  log "starting Kafka $KAFKA_VERSION on $HOST:$KAFKA_PORT (controller $HOST:$KAFKA_CONTROLLER_PORT), log $LOG_DIR/kafka.log"
  # setsid detaches the broker from this shell's session and terminal. The inner shell writes
  # its own pid and then execs java, so the pid file names the JVM even if setsid forks.
  # 9>&- keeps the broker from holding the stack lock.
  # shellcheck disable=SC2016 # $$, $1 and $@ belong to the inner shell.
  setsid bash -c 'printf "%s\n" "$$" >"$1"; shift; exec "$@"' kafka-launcher "$KAFKA_PID_FILE" \
    java "${heap_opts[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dkafka.logs.dir="$LOG_DIR" \
    -Dlog4j2.configurationFile="$KAFKA_SCRIPTS_DIR/broker-log4j2.xml" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONFIG" \
    </dev/null >>"$LOG_DIR/kafka.out" 2>&1 9>&- &

  local tries=0
  until [[ -s $KAFKA_PID_FILE ]]; do
    ((++tries > 50)) && die "the Kafka launcher did not write $KAFKA_PID_FILE within 5 s. See $LOG_DIR/kafka.out"
    sleep 0.1
  done
}

kafka_startup_failed() {
  show_log_tail "$LOG_DIR/kafka.log"
  show_log_tail "$LOG_DIR/kafka.out"
  die "$1. See $LOG_DIR/kafka.log and $LOG_DIR/kafka.out"
}

# Waits until the broker returns metadata (a topic list) or the timeout passes.
wait_for_kafka() {
  local pid=$1 deadline=$((SECONDS + TIMEOUT_SECONDS)) remaining
  local probe_log="$LOG_DIR/kafka-probe.log"

  # A TCP check is cheap, so the JVM-based probe below starts only once the listener exists.
  until port_open "$KAFKA_PORT"; do
    kill -0 "$pid" 2>/dev/null || kafka_startup_failed "Kafka (pid $pid) exited during startup"
    ((SECONDS < deadline)) || kafka_startup_failed "Kafka (pid $pid) timed out after ${TIMEOUT_SECONDS}s before opening $HOST:$KAFKA_PORT. It is still running, so rerun \`scripts/stack.sh up\` to keep waiting or run \`scripts/stack.sh down\` to stop it"
    sleep 0.5
  done

  # The probe JVM starts faster with the C1 compiler only and the serial collector. Its admin
  # client retries internally, and `timeout` keeps it within the deadline.
  local -a KAFKA_TOOL_JVM_OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
  build_kafka_class_command org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$KAFKA_PORT" --list
  while true; do
    remaining=$((deadline - SECONDS))
    ((remaining > 0)) || kafka_startup_failed "Kafka (pid $pid) timed out after ${TIMEOUT_SECONDS}s before returning metadata on $HOST:$KAFKA_PORT (probe output in $probe_log). It is still running, so rerun \`scripts/stack.sh up\` to keep waiting or run \`scripts/stack.sh down\` to stop it"
    if timeout "$remaining" "${KAFKA_CLASS_COMMAND[@]}" >"$probe_log" 2>&1; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || kafka_startup_failed "Kafka (pid $pid) exited during startup"
    sleep 1
  done
}

kafka_up() {
  local pid
  pid=$(live_pid "$KAFKA_PID_FILE" kafka.Kafka)
  if [[ -n $pid ]]; then
    if port_open "$KAFKA_PORT"; then
      log "Kafka is already running (pid $pid) on $HOST:$KAFKA_PORT"
      return 0
    fi
    log "Kafka (pid $pid) is running but $HOST:$KAFKA_PORT is not open yet, so waiting for it"
    wait_for_kafka "$pid"
    return 0
  fi

  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$port"; then
      die "port $HOST:$port is already in use by a process not recorded in $KAFKA_PID_FILE. Stop that process or set KAFKA_PORT and KAFKA_CONTROLLER_PORT to free ports"
    fi
  done

  require_java
  ensure_kafka_libs
  mkdir -p "$LOG_DIR"
  write_kafka_config
  format_kafka_storage
  start_kafka_process
  pid=$(<"$KAFKA_PID_FILE")
  wait_for_kafka "$pid"
  log "Kafka is ready (pid $pid)"
}

# ---------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------

readonly POLICY_RC=/usr/sbin/policy-rc.d
POLICY_RC_BACKUP=""

restore_policy_rc() {
  if [[ -n $POLICY_RC_BACKUP ]]; then
    mv -f "$POLICY_RC_BACKUP" "$POLICY_RC"
    POLICY_RC_BACKUP=""
  else
    rm -f "$POLICY_RC"
  fi
}

# Installs Debian's redis-server package when redis-server or redis-cli is missing.
ensure_redis_installed() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  if ((EUID != 0)); then
    die "redis-server is not installed and installing it needs root. Run: sudo apt-get install -y redis-server"
  fi
  command -v apt-get >/dev/null || die "redis-server is not installed and apt-get was not found. Install Redis 7 and put redis-server and redis-cli on PATH"

  # The package's postinst starts a system Redis on port 6379. While policy-rc.d exits with 101,
  # invoke-rc.d and deb-systemd-invoke skip that start (Debian policy-rc.d interface).
  if [[ -e $POLICY_RC ]]; then
    POLICY_RC_BACKUP=$(mktemp)
    cp -p "$POLICY_RC" "$POLICY_RC_BACKUP"
  fi
  trap restore_policy_rc EXIT
  printf '#!/bin/sh\n# Written by riskstream scripts/stack.sh during apt-get install.\nexit 101\n' >"$POLICY_RC"
  chmod 755 "$POLICY_RC"

  log "installing Debian package redis-server with apt-get"
  local status=0
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redis-server; } >&2 || status=$?
  restore_policy_rc
  trap - EXIT
  ((status == 0)) || die "apt-get install redis-server failed with exit code $status. See the apt output above"
  command -v redis-server >/dev/null || die "redis-server is still not on PATH after installing the Debian package redis-server"
}

redis_ping() {
  [[ $(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]
}

redis_startup_failed() {
  show_log_tail "$LOG_DIR/redis.log"
  die "$1. See $LOG_DIR/redis.log"
}

# Waits until Redis replies PONG. It replies with a LOADING error while it replays the AOF.
wait_for_redis() {
  local started=$SECONDS pid
  until redis_ping; do
    pid=$(live_pid "$REDIS_PID_FILE" redis-server)
    # Redis writes its pid file after it forks, so a missing pid counts as failure only after 5 s.
    if [[ -z $pid ]] && ((SECONDS - started > 5)); then
      redis_startup_failed "Redis exited during startup"
    fi
    ((SECONDS - started < TIMEOUT_SECONDS)) || redis_startup_failed "Redis timed out after ${TIMEOUT_SECONDS}s before replying PONG on $HOST:$REDIS_PORT"
    sleep 0.2
  done
}

redis_up() {
  local pid
  ensure_redis_installed
  pid=$(live_pid "$REDIS_PID_FILE" redis-server)
  if [[ -n $pid ]]; then
    if redis_ping; then
      log "Redis is already running (pid $pid) on $HOST:$REDIS_PORT"
      return 0
    fi
    log "Redis (pid $pid) is running but does not reply PONG on $HOST:$REDIS_PORT yet, so waiting for it"
    wait_for_redis
    return 0
  fi

  if port_open "$REDIS_PORT"; then
    die "port $HOST:$REDIS_PORT is already in use by a process not recorded in $REDIS_PID_FILE (for a system Redis: service redis-server stop). Stop that process or set REDIS_PORT to a free port"
  fi

  mkdir -p "$REDIS_DATA_DIR" "$LOG_DIR"
  log "starting Redis $(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p') on $HOST:$REDIS_PORT, log $LOG_DIR/redis.log"
  if ! redis-server --bind "$HOST" --port "$REDIS_PORT" --appendonly yes \
    --dir "$REDIS_DATA_DIR" --daemonize yes --pidfile "$REDIS_PID_FILE" \
    --logfile "$LOG_DIR/redis.log" 9>&-; then
    redis_startup_failed "redis-server failed to start"
  fi
  wait_for_redis
  log "Redis is ready (pid $(<"$REDIS_PID_FILE"))"
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------

connection_env() {
  printf 'KAFKA_BROKERS=%s:%s\n' "$HOST" "$KAFKA_PORT"
  printf 'REDIS_URL=redis://%s:%s/0\n' "$HOST" "$REDIS_PORT"
}

cmd_up() {
  acquire_stack_lock
  kafka_up
  redis_up
  connection_env >"$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
  connection_env
}

cmd_down() {
  acquire_stack_lock
  stop_process Kafka "$KAFKA_PID_FILE" kafka.Kafka
  stop_process Redis "$REDIS_PID_FILE" redis-server
  # The env file advertises running servers, so it goes away with them.
  rm -f "$ENV_FILE"
}

cmd_status() {
  local pid all_running=0
  pid=$(live_pid "$KAFKA_PID_FILE" kafka.Kafka)
  if [[ -z $pid ]]; then
    printf 'kafka: stopped\n'
    all_running=3
  elif port_open "$KAFKA_PORT"; then
    printf 'kafka: running (pid %s, %s:%s, Kafka %s)\n' "$pid" "$HOST" "$KAFKA_PORT" "$KAFKA_VERSION"
  else
    printf 'kafka: starting or unresponsive (pid %s, %s:%s not open), see %s\n' "$pid" "$HOST" "$KAFKA_PORT" "$LOG_DIR/kafka.log"
    all_running=3
  fi

  pid=$(live_pid "$REDIS_PID_FILE" redis-server)
  if [[ -z $pid ]]; then
    printf 'redis: stopped\n'
    all_running=3
  elif command -v redis-cli >/dev/null && redis_ping; then
    printf 'redis: running (pid %s, %s:%s)\n' "$pid" "$HOST" "$REDIS_PORT"
  else
    printf 'redis: starting or unresponsive (pid %s, no PONG on %s:%s), see %s\n' "$pid" "$HOST" "$REDIS_PORT" "$LOG_DIR/redis.log"
    all_running=3
  fi
  return "$all_running"
}

cmd_reset() {
  cmd_down
  # Deletes only the entries this script creates, in case RISKSTREAM_STACK_DIR names a shared folder.
  log "deleting Kafka and Redis data, logs and configuration in $STACK_DIR"
  rm -rf "$KAFKA_DIR" "$REDIS_DATA_DIR" "$LOG_DIR" "$ENV_FILE" "$ENV_FILE.tmp"
  rm -f "$LOCK_FILE"
  rmdir "$STACK_DIR" 2>/dev/null || true
}

cmd_kafka_class() {
  (($# > 0)) || die "kafka-class needs a class name, for example: scripts/stack.sh kafka-class org.apache.kafka.tools.ProducerPerformance --help"
  require_java
  ensure_kafka_libs
  build_kafka_class_command "$@"
  exec "${KAFKA_CLASS_COMMAND[@]}"
}

cmd_fetch() {
  ensure_kafka_libs
  printf 'KAFKA_VERSION=%s\nKAFKA_LIBS=%s\n' "$KAFKA_VERSION" "$KAFKA_LIBS"
}

main() {
  local command=${1:-}
  (($# > 0)) && shift
  case $command in
    up | down | status | reset) validate_settings ;;
  esac
  case $command in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    kafka-class) cmd_kafka_class "$@" ;;
    fetch) cmd_fetch ;;
    help | -h | --help) usage ;;
    "")
      usage >&2
      exit 2
      ;;
    *)
      printf 'stack: error: unknown command "%s"\n\n' "$command" >&2
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
