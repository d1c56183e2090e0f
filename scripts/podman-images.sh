#!/usr/bin/env bash
# Builds Kafka and Redis images for the integration tests on machines that can run Podman but
# cannot pull from a registry. Run `scripts/podman-images.sh help` for the commands.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/podman-images.sh COMMAND

Commands:
  build   Build the Kafka and Redis images with debootstrap and `podman import`, skipping an image
          whose tag exists with the same input hash. Then print the RISKSTREAM_KAFKA_IMAGE and
          RISKSTREAM_REDIS_IMAGE lines that make the tests use them. Needs root.
  env     Print those two lines without building.
  remove  Remove both images.
  help    Print this text.

The images contain Debian packages and the Kafka jars of `scripts/stack.sh fetch`, and start
like the official apache/kafka and redis images for the settings that the tests use
(scripts/podman/kafka/run and scripts/podman/redis/docker-entrypoint.sh).

Environment variables:
  RISKSTREAM_DEBIAN_MIRROR  Debian mirror for debootstrap (default: the first URIs entry of
                            /etc/apt/sources.list.d/debian.sources, else http://deb.debian.org/debian)
  RISKSTREAM_CACHE_DIR      Downloaded Kafka jars, as in scripts/stack.sh (default <repo>/.cache)
  TMPDIR                    Parent folder of the temporary root file systems (default /var/tmp)
EOF
}

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly REPO_ROOT
readonly SCRIPT_PATH="$REPO_ROOT/scripts/podman-images.sh"
readonly INPUTS_DIR="$REPO_ROOT/scripts/podman"
readonly DEBIAN_SUITE=bookworm
readonly REDIS_IMAGE=localhost/riskstream-redis:7
readonly INPUTS_LABEL=dev.riskstream.image-inputs
WORK_PARENT=${TMPDIR:-/var/tmp}
KAFKA_VERSION=""
KAFKA_LIBS=""
KAFKA_IMAGE=""
ROOTFS_DIR=""
ROOTFS_DIRS=()

log() {
  printf 'podman-images: %s\n' "$*" >&2
}

die() {
  printf 'podman-images: error: %s\n' "$*" >&2
  exit 1
}

require_build_tools() {
  ((EUID == 0)) || die "building images needs root (debootstrap and rootful Podman). Run: sudo bash scripts/podman-images.sh build"
  local tool
  for tool in podman debootstrap; do
    command -v "$tool" >/dev/null || die "$tool not found on PATH. Run: bash scripts/podman-engine.sh install"
  done
}

# Sets KAFKA_VERSION, KAFKA_LIBS and KAFKA_IMAGE from scripts/stack.sh, which pins the version in
# scripts/kafka/pom.xml and downloads the jars with Maven when they are missing.
load_kafka_settings() {
  local output line
  output=$(bash "$REPO_ROOT/scripts/stack.sh" fetch) || die "scripts/stack.sh fetch failed to provide the Kafka jars, see its output above"
  while IFS= read -r line; do
    case $line in
      KAFKA_VERSION=*) KAFKA_VERSION=${line#KAFKA_VERSION=} ;;
      KAFKA_LIBS=*) KAFKA_LIBS=${line#KAFKA_LIBS=} ;;
    esac
  done <<<"$output"
  [[ -n $KAFKA_VERSION && -d $KAFKA_LIBS ]] || die "scripts/stack.sh fetch printed no KAFKA_VERSION or no existing KAFKA_LIBS folder: $output"
  KAFKA_IMAGE=localhost/riskstream-kafka:$KAFKA_VERSION
}

debian_mirror() {
  local sources=/etc/apt/sources.list.d/debian.sources mirror=""
  if [[ -n ${RISKSTREAM_DEBIAN_MIRROR-} ]]; then
    printf '%s\n' "$RISKSTREAM_DEBIAN_MIRROR"
    return 0
  fi
  [[ -r $sources ]] && mirror=$(awk '/^URIs:/ { print $2; exit }' "$sources")
  printf '%s\n' "${mirror:-http://deb.debian.org/debian}"
}

# Prints one SHA-256 over the build script, the Debian suite, the given strings and the given
# files, so that a change to any of them rebuilds the image.
# NOTE: newer Debian packages in the mirror do not change the hash. Run `remove` to pick them up.
inputs_hash() {
  {
    printf 'suite %s\n' "$DEBIAN_SUITE"
    sha256sum "$SCRIPT_PATH" | cut -d ' ' -f 1
    local input
    for input in "$@"; do
      if [[ -f $input ]]; then
        printf '%s %s\n' "$(sha256sum "$input" | cut -d ' ' -f 1)" "${input#"$REPO_ROOT"/}"
      else
        printf 'value %s\n' "$input"
      fi
    done
  } | sha256sum | cut -d ' ' -f 1
}

image_is_current() {
  local image=$1 hash=$2 label
  podman image exists "$image" || return 1
  label=$(podman image inspect --format "{{ index .Labels \"$INPUTS_LABEL\" }}" "$image")
  [[ $label == "$hash" ]]
}

# Unmounts whatever debootstrap left mounted inside a root file system, then deletes it without
# crossing into another file system.
remove_rootfs() {
  local dir=$1 mount_point
  [[ -d $dir ]] || return 0
  while read -r mount_point; do
    umount -l "$mount_point" || log "could not unmount $mount_point, so deleting around it"
  done < <(awk -v prefix="$dir/" 'index($2, prefix) == 1 { print $2 }' /proc/mounts | sort -r)
  rm -rf --one-file-system "$dir"
}

cleanup() {
  local dir
  for dir in "${ROOTFS_DIRS[@]}"; do
    remove_rootfs "$dir"
  done
}

# Creates a minimal Debian root file system with PACKAGES (comma-separated) in a new folder and
# sets ROOTFS_DIR to it. The EXIT trap deletes the folder if the build stops before it does.
debootstrap_rootfs() {
  local name=$1 packages=$2 dir mirror
  dir=$(mktemp -d "$WORK_PARENT/riskstream-$name-rootfs.XXXXXX")
  ROOTFS_DIRS+=("$dir")
  ROOTFS_DIR=$dir
  mirror=$(debian_mirror)
  log "debootstrap $DEBIAN_SUITE with $packages from $mirror into $dir (output in $dir.log)"
  if ! debootstrap --variant=minbase --include="$packages" "$DEBIAN_SUITE" "$dir" "$mirror" >"$dir.log" 2>&1; then
    tail -n 25 "$dir.log" | sed 's/^/    /' >&2
    die "debootstrap of $DEBIAN_SUITE with $packages failed. See $dir.log, and check that $mirror is reachable or set RISKSTREAM_DEBIAN_MIRROR"
  fi
  rm -f "$dir.log"
  # Downloaded packages, package lists and manuals are not needed at run time.
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc "$dir"/usr/share/man
}

# Imports a root file system as IMAGE with the given `podman import --change` instructions, then
# removes the image that the tag named before, unless a container still uses it.
import_rootfs() {
  local dir=$1 image=$2 hash=$3
  shift 3
  local -a changes=(--change "LABEL $INPUTS_LABEL=$hash")
  local change previous_id=""
  for change in "$@"; do
    changes+=(--change "$change")
  done
  podman image exists "$image" && previous_id=$(podman image inspect --format '{{.Id}}' "$image")
  tar -C "$dir" -c . | podman import --quiet "${changes[@]}" - "$image" >/dev/null
  if [[ -n $previous_id ]]; then
    podman image rm "$previous_id" >/dev/null 2>&1 || log "kept the previous $image ($previous_id), which a container still uses"
  fi
}

build_kafka_image() {
  local hash dir started=$SECONDS
  hash=$(inputs_hash "kafka $KAFKA_VERSION" "$REPO_ROOT/scripts/kafka/pom.xml" "$INPUTS_DIR"/kafka/*)
  if image_is_current "$KAFKA_IMAGE" "$hash"; then
    log "$KAFKA_IMAGE is up to date (inputs $hash)"
    return 0
  fi

  log "building $KAFKA_IMAGE"
  debootstrap_rootfs kafka openjdk-17-jre-headless
  dir=$ROOTFS_DIR
  # The layout of the official image: jars in /opt/kafka/libs, settings in /etc/kafka/docker.
  mkdir -p "$dir"/opt/kafka/{libs,config,logs} "$dir"/etc/kafka/docker "$dir"/var/lib/kafka/data "$dir"/mnt/shared/config
  cp "$KAFKA_LIBS"/*.jar "$dir/opt/kafka/libs/"
  install -m 755 "$INPUTS_DIR/kafka/run" "$dir/etc/kafka/docker/run"
  install -m 644 "$INPUTS_DIR/kafka/server.properties" "$INPUTS_DIR/kafka/log4j2.yaml" \
    "$INPUTS_DIR/kafka/tools-log4j2.yaml" "$dir/etc/kafka/docker/"
  # The official image runs Kafka as appuser, so files the broker writes must be appuser's too.
  chroot "$dir" useradd --create-home --shell /bin/bash appuser
  chroot "$dir" chown -R appuser:appuser /opt/kafka /etc/kafka /var/lib/kafka /mnt/shared/config

  import_rootfs "$dir" "$KAFKA_IMAGE" "$hash" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'USER appuser' 'EXPOSE 9092' 'CMD ["/etc/kafka/docker/run"]'
  remove_rootfs "$dir"
  log "built $KAFKA_IMAGE in $((SECONDS - started))s (inputs $hash)"
}

build_redis_image() {
  local hash dir started=$SECONDS
  hash=$(inputs_hash redis "$INPUTS_DIR"/redis/*)
  if image_is_current "$REDIS_IMAGE" "$hash"; then
    log "$REDIS_IMAGE is up to date (inputs $hash)"
    return 0
  fi

  log "building $REDIS_IMAGE"
  debootstrap_rootfs redis redis-server
  dir=$ROOTFS_DIR
  install -m 755 "$INPUTS_DIR/redis/docker-entrypoint.sh" "$dir/usr/local/bin/docker-entrypoint.sh"
  # The official image's working folder, where Redis writes its append-only file.
  mkdir -p "$dir/data"
  chroot "$dir" chown redis:redis /data

  import_rootfs "$dir" "$REDIS_IMAGE" "$hash" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'WORKDIR /data' 'EXPOSE 6379' \
    'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' 'CMD ["redis-server"]'
  remove_rootfs "$dir"
  log "built $REDIS_IMAGE in $((SECONDS - started))s (inputs $hash)"
}

print_image_env() {
  printf 'RISKSTREAM_KAFKA_IMAGE=%s\n' "$KAFKA_IMAGE"
  printf 'RISKSTREAM_REDIS_IMAGE=%s\n' "$REDIS_IMAGE"
}

cmd_build() {
  require_build_tools
  mkdir -p "$WORK_PARENT"
  # Two builds at once would both debootstrap and import the same tags.
  exec 9>"$WORK_PARENT/riskstream-podman-images.lock"
  flock 9
  trap cleanup EXIT
  load_kafka_settings
  build_kafka_image
  build_redis_image
  print_image_env
}

cmd_remove() {
  local image
  load_kafka_settings
  for image in "$KAFKA_IMAGE" "$REDIS_IMAGE"; do
    if podman image exists "$image"; then
      podman image rm "$image" >/dev/null
      log "removed $image"
    fi
  done
}

main() {
  case ${1:-} in
    build) cmd_build ;;
    env)
      load_kafka_settings
      print_image_env
      ;;
    remove) cmd_remove ;;
    help | -h | --help) usage ;;
    "")
      usage >&2
      exit 2
      ;;
    *)
      printf 'podman-images: error: unknown command "%s"\n\n' "$1" >&2
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
