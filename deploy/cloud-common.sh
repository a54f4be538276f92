# Sourced by deploy/emr/common.sh and deploy/dataproc/common.sh: what both clouds' scripts share.
# (Executable only so that deploy/check-syntax.sh treats it like the other scripts; running it does nothing.)

# Prints a command (shell-quoted) and runs it unless MIRACS_DRY_RUN=1.
run() {
  { printf '+'; printf ' %q' "$@"; printf '\n'; } >&2
  if [[ "${MIRACS_DRY_RUN:-0}" != 1 ]]; then
    "$@"
  fi
}

# The driver and executor sizes of a YARN cluster run for MIRACS_SCALE (paper | 10x); each value can be
# overridden by setting it first. The driver holds the MOFA input and the N x N PCA Gram matrix; the
# executors do ingestion, the MOFA feature blocks, correlations and the permutation enrichment.
cluster_sizing_profile() {
  case "$MIRACS_SCALE" in
    paper)
      : "${MIRACS_DRIVER_MEMORY:=8g}" "${MIRACS_DRIVER_CORES:=2}"
      : "${MIRACS_EXECUTOR_MEMORY:=4g}" "${MIRACS_EXECUTOR_CORES:=2}"
      : "${MIRACS_MAX_RESULT_SIZE:=2g}"
      ;;
    10x)
      : "${MIRACS_DRIVER_MEMORY:=18g}" "${MIRACS_DRIVER_CORES:=4}"
      : "${MIRACS_EXECUTOR_MEMORY:=8g}" "${MIRACS_EXECUTOR_CORES:=4}"
      : "${MIRACS_MAX_RESULT_SIZE:=4g}"
      ;;
    *)
      echo "MIRACS_SCALE must be paper or 10x (got '$MIRACS_SCALE')" >&2
      exit 2
      ;;
  esac
}

# upload_job_and_config UPLOAD STORE_PATTERN STORE_ROOT STORE_NAME
# Sets CONFIG_URI, where the job reads MIRACS_CONFIG: as given when it already names the store (matches the
# regex STORE_PATTERN), else the copy uploaded to STORE_ROOT/conf/. Unless MIRACS_SKIP_UPLOAD=1, uploads
# the job jar and a local config file with the command `UPLOAD SOURCE DESTINATION`.
upload_job_and_config() {
  local upload="$1" store_pattern="$2" store_root="$3" store_name="$4"
  CONFIG_URI=""
  if [[ -n "${MIRACS_CONFIG:-}" ]]; then
    if [[ "$MIRACS_CONFIG" =~ $store_pattern ]]; then
      CONFIG_URI="$MIRACS_CONFIG"
    elif [[ -f "$MIRACS_CONFIG" ]]; then
      CONFIG_URI="${store_root}/conf/$(basename "$MIRACS_CONFIG")"
    else
      log "MIRACS_CONFIG=$MIRACS_CONFIG is neither $store_name URI nor a local file"
      exit 1
    fi
  fi
  if [[ "${MIRACS_SKIP_UPLOAD:-0}" == 1 ]]; then
    log "MIRACS_SKIP_UPLOAD=1: using $MIRACS_JAR_URI as it is"
    return
  fi
  if [[ ! -f "$MIRACS_JAR" && "${MIRACS_DRY_RUN:-0}" != 1 ]]; then
    log "no jar at $MIRACS_JAR: build it with 'mvn -B -DskipTests package' in $REPO_ROOT"
    exit 1
  fi
  log "uploading the job jar to $MIRACS_JAR_URI"
  "$upload" "$MIRACS_JAR" "$MIRACS_JAR_URI"
  if [[ -n "$CONFIG_URI" && "$CONFIG_URI" != "$MIRACS_CONFIG" ]]; then
    log "uploading $MIRACS_CONFIG to $CONFIG_URI"
    "$upload" "$MIRACS_CONFIG" "$CONFIG_URI"
  fi
}
