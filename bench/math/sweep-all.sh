#!/bin/sh
# Full sweeps (round to nearest) of the given binary32 functions, one after another, at low priority; each resumes
# where an earlier run stopped (bench/math/sweep.mjs keeps the progress). One-operand functions: all 2^32 inputs;
# pow, atan2, hypot: the first $PAIRS pairs (default 2^28) of sweep.mjs's fixed sample.
# Default: every function. Usage: bench/math/sweep-all.sh [fn ...]   (WORKERS=2 PAIRS=268435456)
# Log: bench/results/sweep-all.log when started as in bench/README.md.
cd "$(dirname "$0")/../.." || exit 2
fns="$*"
[ -n "$fns" ] || fns="exp log tanh sigmoid rsqrt erf erfc gelu softplus log2 exp2 log10 exp10 expm1 log1p atan asin acos sinh cosh atanh asinh acosh sin cos tan atan2 hypot pow"
for fn in $fns; do
  echo "== $fn $(date -u +%FT%TZ)"
  case "$fn" in
    pow | atan2 | hypot) extra="--pairs ${PAIRS:-268435456}" ;;
    *) extra="" ;;
  esac
  # shellcheck disable=SC2086
  nice -n 19 node bench/math/sweep.mjs --fn "$fn" --workers "${WORKERS:-2}" $extra | grep -v '^chunk' || exit 1
done
