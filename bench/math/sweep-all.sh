#!/bin/sh
# Full 2^32 sweeps (round to nearest) of the given binary32 functions, one after another, at low priority; each
# resumes where an earlier run stopped (bench/math/sweep.mjs keeps the progress). Default: every one-operand function.
# Usage: bench/math/sweep-all.sh [fn ...]      Log: bench/results/sweep-all.log
cd "$(dirname "$0")/../.." || exit 2
fns="$*"
[ -n "$fns" ] || fns="rsqrt erf erfc gelu atan asin acos sin cos tan sinh cosh asinh acosh atanh expm1 exp2 exp10 log2 log10 log1p softplus exp log tanh sigmoid"
for fn in $fns; do
  echo "== $fn $(date -u +%FT%TZ)"
  nice -n 19 node bench/math/sweep.mjs --fn "$fn" --workers "${WORKERS:-2}" | grep -v '^chunk' || exit 1
done
