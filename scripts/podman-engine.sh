#!/usr/bin/env bash
# Installs Podman and runs its Docker-compatible API service, which testcontainers uses as the
# container engine on machines without Docker. Run `scripts/podman-engine.sh help` for the commands.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/podman-engine.sh COMMAND

Commands:
  install  Install Debian's podman, runc and debootstrap with apt-get when missing, and write
           /etc/containers/containers.conf.d/50-riskstream.conf. Needs root.
  start    Start `podman system service` on the socket unless the socket already responds, wait
           until it responds, then print the variables for testcontainers.
  stop     Stop the API service that `start` started. A service started otherwise keeps running.
  status   Print whether the socket responds. Exits 0 when it does, else 3.
  env      Print the variables that point testcontainers at the socket:
           DOCKER_HOST, TESTCONTAINERS_RYUK_DISABLED and TESTCONTAINERS_HOST_OVERRIDE.
  help     Print this text.

Environment variables:
  RISKSTREAM_PODMAN_SOCKET  Unix socket of the API service (default /run/podman/podman.sock)
  RISKSTREAM_STACK_TIMEOUT  Seconds to wait for the service to start or stop (default 90)
EOF
}

readonly CONFIG_FILE=/etc/containers/containers.conf.d/50-riskstream.conf
SOCKET=${RISKSTREAM_PODMAN_SOCKET:-/run/podman/podman.sock}
TIMEOUT_SECONDS=${RISKSTREAM_STACK_TIMEOUT:-90}
PID_FILE="${SOCKET%.sock}.riskstream.pid"
LOG_FILE="${SOCKET%.sock}.riskstream.log"

log() {
  printf 'podman-engine: %s\n' "$*" >&2
}

die() {
  printf 'podman-engine: error: %s\n' "$*" >&2
  exit 1
}

require_podman() {
  command -v podman >/dev/null || die "podman not found on PATH. Run: sudo bash scripts/podman-engine.sh install"
}

socket_responds() {
  [[ -S $SOCKET ]] && podman --url "unix://$SOCKET" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# Prints the pid in PID_FILE when that process is alive and is a Podman API service.
service_pid() {
  local pid
  [[ -f $PID_FILE ]] || return 0
  pid=$(<"$PID_FILE")
  if [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF 'system service'; then
    printf '%s\n' "$pid"
  fi
}

print_env() {
  printf 'DOCKER_HOST=unix://%s\n' "$SOCKET"
  # The Ryuk reaper image cannot be pulled without a registry, so tests remove their own containers.
  printf 'TESTCONTAINERS_RYUK_DISABLED=true\n'
  # Tests then reach published ports on 127.0.0.1, whatever localhost resolves to first.
  printf 'TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1\n'
}

write_config() {
  mkdir -p "$(dirname "$CONFIG_FILE")"
  # runc, because Debian's crun fails on hosts with a hybrid cgroup layout. cgroupfs, because no
  # systemd runs. The ulimits stay below the hard limits of sandboxed hosts, where Podman's defaults fail setrlimit.
  cat >"$CONFIG_FILE.tmp" <<'EOF'
# Written by riskstream scripts/podman-engine.sh install.
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
EOF
  mv "$CONFIG_FILE.tmp" "$CONFIG_FILE"
}

cmd_install() {
  local package missing=()
  ((EUID == 0)) || die "installing Podman needs root. Run: sudo bash scripts/podman-engine.sh install"
  for package in podman runc debootstrap; do
    dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if ((${#missing[@]} > 0)); then
    command -v apt-get >/dev/null || die "apt-get not found, so ${missing[*]} cannot be installed. Install them with the system's package manager"
    log "installing ${missing[*]} with apt-get"
    {
      apt-get update -q
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    } >&2 || die "apt-get install ${missing[*]} failed, see the apt output above"
  fi
  write_config
  local runtime
  runtime=$(podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.CgroupManager}}') ||
    die "podman info failed after writing $CONFIG_FILE, see its output above"
  [[ $runtime == 'runc cgroupfs' ]] || die "podman uses '$runtime' instead of 'runc cgroupfs'. Check for a file in /etc/containers that overrides $CONFIG_FILE"
  log "Podman $(podman version --format '{{.Client.Version}}') is installed and uses $runtime"
}

cmd_start() {
  local pid deadline
  require_podman
  if socket_responds; then
    log "the API service already responds on $SOCKET"
    print_env
    return 0
  fi
  mkdir -p "$(dirname "$SOCKET")"
  log "starting podman system service on unix://$SOCKET, log $LOG_FILE"
  rm -f "$PID_FILE"
  # setsid detaches the service from this shell, so it keeps running after the caller exits. The
  # inner shell writes its own pid and then execs podman, so the pid file names the service.
  # shellcheck disable=SC2016 # $$, $1 and $@ belong to the inner shell.
  setsid bash -c 'printf "%s\n" "$$" >"$1"; shift; exec "$@"' podman-launcher "$PID_FILE" \
    podman system service --time=0 "unix://$SOCKET" </dev/null >>"$LOG_FILE" 2>&1 &
  local tries=0
  until [[ -s $PID_FILE ]]; do
    ((++tries > 50)) && die "the service launcher did not write $PID_FILE within 5 s. See $LOG_FILE"
    sleep 0.1
  done
  pid=$(<"$PID_FILE")

  deadline=$((SECONDS + TIMEOUT_SECONDS))
  until socket_responds; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 25 "$LOG_FILE" | sed 's/^/    /' >&2
      rm -f "$PID_FILE"
      die "podman system service (pid $pid) exited during startup. See $LOG_FILE"
    fi
    ((SECONDS < deadline)) || die "podman system service (pid $pid) did not respond on $SOCKET within ${TIMEOUT_SECONDS}s. See $LOG_FILE"
    sleep 0.2
  done
  log "the API service is ready (pid $pid)"
  print_env
}

cmd_stop() {
  local pid deadline
  pid=$(service_pid)
  if [[ -z $pid ]]; then
    rm -f "$PID_FILE"
    log "no API service started by this script is running"
    return 0
  fi
  log "stopping the API service (pid $pid)"
  kill -TERM "$pid"
  deadline=$((SECONDS + TIMEOUT_SECONDS))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "the API service (pid $pid) did not exit ${TIMEOUT_SECONDS}s after SIGTERM, so sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
      sleep 0.2
    done
  fi
  rm -f "$PID_FILE"
  log "the API service stopped"
}

cmd_status() {
  require_podman
  if socket_responds; then
    printf 'podman: responding on %s\n' "$SOCKET"
    return 0
  fi
  printf 'podman: not responding on %s\n' "$SOCKET"
  return 3
}

main() {
  if ! [[ $TIMEOUT_SECONDS =~ ^[0-9]+$ ]] || ((TIMEOUT_SECONDS < 1)); then
    die "RISKSTREAM_STACK_TIMEOUT=$TIMEOUT_SECONDS is not a positive number of seconds"
  fi
  case ${1:-} in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    env) print_env ;;
    help | -h | --help) usage ;;
    "")
      usage >&2
      exit 2
      ;;
    *)
      printf 'podman-engine: error: unknown command "%s"\n\n' "$1" >&2
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
