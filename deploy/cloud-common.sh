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
