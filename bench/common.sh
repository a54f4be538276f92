# Sourced by bench/run.sh and bench/scaling.sh: the --scale / --seed options and the generated inputs.

# parse_scale_and_seed USAGE ARGS...: sets $scale (paper | 10x, default paper) and $seed.
parse_scale_and_seed() {
  local usage="$1"
  shift
  scale=paper
  seed=20250101
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --scale) scale="$2"; shift 2 ;;
      --seed) seed="$2"; shift 2 ;;
      *) echo "usage: $usage" >&2; exit 2 ;;
    esac
  done
  case "$scale" in
    paper | 10x) ;;
    *) echo "$usage: --scale must be paper or 10x" >&2; exit 2 ;;
  esac
}

# ensure_inputs: generates the $scale inputs with $seed once into bench/data (not timed); sets $data.
ensure_inputs() {
  data="$PWD/bench/data/$scale-$seed"
  if [[ ! -f "$data/.complete" ]]; then
    rm -rf "$data"
    echo "generating $scale-scale inputs into $data (not timed) ..." >&2
    bin/miracs generate --scale "$scale" --seed "$seed" --out "$data" >&2
    touch "$data/.complete"
  fi
}
