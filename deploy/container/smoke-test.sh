#!/usr/bin/env bash
# Smoke test of the riskstream image. It runs ingest, detector and aggregator from IMAGE against
# an existing Kafka and Redis, as user 1000 on a read-only root file system with every capability
# dropped. It replays samples/sysmon-sample.xml, compares the risk events with
# samples/expected-risk-events.jsonl, and then stops each service with SIGTERM and checks that it
# exits with status 0.
#
# Usage (from anywhere in the repository):
#   KAFKA_BROKERS=host:port REDIS_URL=redis://host:6379/0 deploy/container/smoke-test.sh IMAGE
#
# The containers use the host network, so both addresses must be reachable from this host, and
# ports 19464 to 19466 must be free. Topics, consumer groups and Redis keys get a random prefix,
# and the topics and keys are deleted at the end. Needs podman (or CONTAINER_ENGINE=docker), curl,
# Node.js 20 and a built CLI for the replay (`npx tsc -b packages/cli`).
set -euo pipefail

readonly IMAGE=${1:?usage: deploy/container/smoke-test.sh IMAGE}
readonly ENGINE=${CONTAINER_ENGINE:-podman}
: "${KAFKA_BROKERS:?KAFKA_BROKERS is missing: set it to host:port[,host:port]}"
: "${REDIS_URL:?REDIS_URL is missing: set it to redis://host:port/db}"
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
readonly REPO_ROOT
RUN_ID=smoke-$(date +%s)-$RANDOM
readonly RUN_ID
readonly SERVICES=(ingest detector aggregator)
readonly EXPECTED=$REPO_ROOT/samples/expected-risk-events.jsonl
WORK_DIR=$(mktemp -d)
readonly WORK_DIR
started=false

log() {
  printf 'smoke-test: %s\n' "$*" >&2
}

die() {
  printf 'smoke-test: error: %s\n' "$*" >&2
  exit 1
}

http_port() {
  case $1 in
    ingest) echo 19464 ;;
    detector) echo 19465 ;;
    aggregator) echo 19466 ;;
  esac
}

# The Kafka and Redis client that the smoke test needs. It runs inside the image, which has
# kafkajs and ioredis, so the host needs no npm install. Commands:
#   read TOPIC COUNT TIMEOUT_SECONDS   prints COUNT record values of TOPIC, one a line
#   cleanup RUN_ID                     deletes the topics, consumer groups and Redis keys whose
#                                      names start with (keys: contain) RUN_ID
client_script() {
  cat <<'EOF'
'use strict';
const { readFileSync } = require('node:fs');
const { Kafka, logLevel } = require('kafkajs');
const { Redis } = require('ioredis');

const kafka = new Kafka({
  clientId: 'riskstream-smoke-test',
  brokers: process.env.KAFKA_BROKERS.split(','),
  logLevel: logLevel.WARN,
});

async function read(topic, count, timeoutSeconds) {
  const consumer = kafka.consumer({ groupId: `${topic}.reader` });
  const values = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`timed out after ${timeoutSeconds} s: read ${values.length} of ${count} records from ${topic}`));
      }, timeoutSeconds * 1000);
      const eachMessage = async ({ message }) => {
        values.push(message.value.toString('utf8'));
        if (values.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      };
      consumer.run({ eachMessage }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  for (const value of values) process.stdout.write(`${value}\n`);
}

// The window keys start with "{", so the Redis pattern matches the run id anywhere in a key.
async function cleanup(runId) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(runId));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups.map((group) => group.groupId);
    const runGroups = groups.filter((groupId) => groupId.startsWith(runId));
    if (runGroups.length > 0) await admin.deleteGroups(runGroups);
    process.stderr.write(`smoke-client: deleted ${topics.length} topics and ${runGroups.length} consumer groups\n`);
  } finally {
    await admin.disconnect();
  }
  const redis = new Redis(readFileSync(process.env.REDIS_URL_FILE, 'utf8').trim(), { maxRetriesPerRequest: 2 });
  try {
    let deleted = 0;
    for await (const keys of redis.scanStream({ match: `*${runId}*`, count: 500 })) {
      if (keys.length > 0) deleted += await redis.del(...keys);
    }
    process.stderr.write(`smoke-client: deleted ${deleted} Redis keys\n`);
  } finally {
    redis.disconnect();
  }
}

const [command, ...args] = process.argv.slice(2);
const run = command === 'read' ? read(args[0], Number(args[1]), Number(args[2])) : cleanup(args[0]);
run.catch((error) => {
  process.stderr.write(`smoke-client: ${error.message}\n`);
  process.exit(1);
});
EOF
}

# Runs the client in a throw-away container of the image, with the same network and secret file.
run_client() {
  client_script | "$ENGINE" run --rm -i --network host \
    -e NODE_PATH=/app/node_modules -e "KAFKA_BROKERS=$KAFKA_BROKERS" \
    -e REDIS_URL_FILE=/etc/riskstream/secrets/redis-url \
    -v "$WORK_DIR/redis-url:/etc/riskstream/secrets/redis-url:ro" \
    "$IMAGE" node - "$@"
}

on_exit() {
  local status=$? service
  if $started; then
    if ((status != 0)); then
      for service in "${SERVICES[@]}"; do
        log "last log lines of $service:"
        "$ENGINE" logs --tail 20 "$RUN_ID-$service" >&2 || true
      done
    fi
    for service in "${SERVICES[@]}"; do
      "$ENGINE" rm --force "$RUN_ID-$service" >/dev/null 2>&1 || true
    done
    run_client cleanup "$RUN_ID" || log "cleanup failed, see above; delete the topics and Redis keys named $RUN_ID by hand"
  fi
  rm -rf "$WORK_DIR"
  exit "$status"
}
trap on_exit EXIT

start_service() {
  local service=$1
  local engine_flags=(--network host --read-only --cap-drop ALL --security-opt no-new-privileges --user 1000:1000)
  # Podman mounts tmpfs on /tmp, /var/tmp and /run of a read-only container by default, and
  # Kubernetes does not, so the test turns that off.
  if [[ $ENGINE == podman ]]; then engine_flags+=(--read-only-tmpfs=false); fi
  "$ENGINE" run --detach --name "$RUN_ID-$service" "${engine_flags[@]}" \
    -e "KAFKA_BROKERS=$KAFKA_BROKERS" \
    -e "HTTP_PORT=$(http_port "$service")" \
    -e TOPIC_PARTITIONS=3 \
    -e "RAW_TOPIC=$RUN_ID.sysmon-raw" \
    -e "EVENTS_TOPIC=$RUN_ID.sysmon-events" \
    -e "MATCHES_TOPIC=$RUN_ID.matches" \
    -e "RISK_EVENTS_TOPIC=$RUN_ID.risk-events" \
    -e "LATE_TOPIC=$RUN_ID.late" \
    -e "INGEST_GROUP_ID=$RUN_ID-ingest" \
    -e "DETECTOR_GROUP_ID=$RUN_ID-detector" \
    -e "AGGREGATOR_GROUP_ID=$RUN_ID-aggregator" \
    -e "REDIS_KEY_PREFIX=$RUN_ID" \
    -e REDIS_URL_FILE=/etc/riskstream/secrets/redis-url \
    -e DETECTION_FILE=/etc/riskstream/detection/wmi-impersonate-token.yml \
    -e EXCLUSIONS_PATH=/etc/riskstream/exclusions/exclusions.txt \
    -e IDLE_TIMEOUT_MS=2000 \
    -v "$WORK_DIR/redis-url:/etc/riskstream/secrets/redis-url:ro" \
    -v "$REPO_ROOT/detections/wmi-impersonate-token.yml:/etc/riskstream/detection/wmi-impersonate-token.yml:ro" \
    -v "$REPO_ROOT/deploy/kubernetes/base/exclusions.txt:/etc/riskstream/exclusions/exclusions.txt:ro" \
    "$IMAGE" node "services/$service/dist/main.js" >/dev/null
}

# Polls /readyz until the service's consumer has joined its group.
wait_ready() {
  local service=$1 port attempt
  port=$(http_port "$service")
  for ((attempt = 0; attempt < 90; attempt++)); do
    if curl --silent --fail --max-time 2 "http://127.0.0.1:$port/readyz" >/dev/null; then
      log "$service is ready"
      return 0
    fi
    sleep 1
  done
  die "$service was not ready after 90 s (http://127.0.0.1:$port/readyz); its last log lines follow"
}

# Sends SIGTERM and checks for exit status 0 within the services' 30 s shutdown bound.
stop_service() {
  local service=$1 began elapsed exit_code
  began=$(date +%s)
  "$ENGINE" stop --time 40 "$RUN_ID-$service" >/dev/null
  elapsed=$(($(date +%s) - began))
  exit_code=$("$ENGINE" inspect --format '{{.State.ExitCode}}' "$RUN_ID-$service")
  [[ $exit_code == 0 ]] || die "$service exited with status $exit_code after SIGTERM"
  ((elapsed <= 30)) || die "$service took $elapsed s to stop after SIGTERM, more than 30 s"
  log "$service stopped with status 0 in $elapsed s"
}

main() {
  local cli=$REPO_ROOT/packages/cli/bin/riskstream.js service expected_count
  [[ -f $REPO_ROOT/packages/cli/dist/main.js ]] || die "the CLI is not built: run npx tsc -b packages/cli"
  printf '%s' "$REDIS_URL" >"$WORK_DIR/redis-url"
  chmod 0755 "$WORK_DIR"
  chmod 0444 "$WORK_DIR/redis-url"

  started=true
  for service in "${SERVICES[@]}"; do start_service "$service"; done
  for service in "${SERVICES[@]}"; do wait_ready "$service"; done

  node "$cli" replay --brokers "$KAFKA_BROKERS" --topic "$RUN_ID.sysmon-raw" --no-progress \
    "$REPO_ROOT/samples/sysmon-sample.xml"
  expected_count=$(wc -l <"$EXPECTED")
  run_client read "$RUN_ID.risk-events" "$expected_count" 180 >"$WORK_DIR/risk-events.jsonl"
  if ! diff <(sort "$EXPECTED") <(sort "$WORK_DIR/risk-events.jsonl") >"$WORK_DIR/risk-events.diff"; then
    cat "$WORK_DIR/risk-events.diff" >&2
    die "the risk events differ from $EXPECTED (lines with < are expected, > are received)"
  fi
  log "received the $expected_count expected risk events"

  for service in "${SERVICES[@]}"; do stop_service "$service"; done
  log 'passed'
}

main
