#!/usr/bin/env bash
# Checks the TestFloat driver against Berkeley TestFloat 3e on every supported function, rounding mode, tininess
# mode and exactness: `testfloat_gen | fpuless testfloat | testfloat_ver -checkAll`.
#
# TestFloat is not a dependency of the project (it cannot be installed from a package registry): build it yourself
# and point TESTFLOAT_BIN at the folder holding testfloat_gen and testfloat_ver. Run on demand:
#   TESTFLOAT_BIN=/path/to/bin LEVEL=1 test/testfloat/sweep.sh [function …] > bench/results/testfloat-level1.txt
# Prints one line per run and a summary; exits 1 if any run reported an error.
set -uo pipefail
cd "$(dirname "$0")/../.."
bin=${TESTFLOAT_BIN:?set TESTFLOAT_BIN to the folder with testfloat_gen and testfloat_ver}
level=${LEVEL:-1}
cli="node dist/cli.js testfloat"
[ -f dist/cli.js ] || npm run build >/dev/null

formats="f16 f32 bf16"
ints="ui32 ui64 i32 i64"
functions=()
for i in $ints; do for f in f16 f32 bf16; do functions+=("${i}_to_$f"); done; done
for f in $formats; do
  for i in $ints; do functions+=("${f}_to_$i" "${f}_to_${i}_r_minMag"); done
done
functions+=(f16_to_f32 f32_to_f16 bf16_to_f32 f32_to_bf16)
for f in f16 f32; do
  for op in roundToInt add sub mul mulAdd div rem sqrt eq le lt eq_signaling le_quiet lt_quiet; do functions+=("${f}_$op"); done
done
[ $# -gt 0 ] && functions=("$@")

failures=0
runs=0
for fn in "${functions[@]}"; do
  probe=$("$bin/testfloat_gen" "$fn" 2>&1 | head -c 100 || true)
  case $probe in
    testfloat_gen:* | "")
      echo "skip $fn (testfloat_gen does not know it)"
      continue
      ;;
  esac
  case $fn in
    *_r_minMag) modes=(none) ;;
    *_to_f32|*_to_f16|*_to_bf16|*_add|*_sub|*_mul|*_mulAdd|*_div|*_sqrt|*_roundToInt|*_to_i32|*_to_ui32|*_to_i64|*_to_ui64)
      modes=(near_even minMag min max near_maxMag odd) ;;
    *) modes=(none) ;;
  esac
  case $fn in
    f16_to_f32|bf16_to_f32|*_rem|*_eq|*_le|*_lt|*_eq_signaling|*_le_quiet|*_lt_quiet|*_sqrt|*_roundToInt|*_to_?i32*|*_to_?i64*|*_to_i32*|*_to_i64*) tins=(none) ;;
    *) tins=(before after) ;;
  esac
  case $fn in
    *_roundToInt|*_to_i32*|*_to_ui32*|*_to_i64*|*_to_ui64*) exacts=(exact notexact) ;;
    *) exacts=(none) ;;
  esac
  case $fn in ui*_to_*|i*_to_*) exacts=(none) ;; esac
  for mode in "${modes[@]}"; do for tin in "${tins[@]}"; do for ex in "${exacts[@]}"; do
    opts=(-level "$level")
    [ "$mode" != none ] && opts+=("-r$mode")
    [ "$tin" != none ] && opts+=("-tininess$tin")
    [ "$ex" != none ] && opts+=("-$ex")
    drv=("${opts[@]:2}")
    result=$("$bin/testfloat_gen" "${opts[@]}" "$fn" | $cli "$fn" "${drv[@]}" | "$bin/testfloat_ver" -checkAll "${drv[@]}" "$fn" 2>&1 | tr '\r' '\n' | grep -E "tests|error" | tail -1)
    runs=$((runs + 1))
    echo "$fn ${drv[*]}: $result"
    case $result in *"no errors found"*) ;; *) failures=$((failures + 1)) ;; esac
  done; done; done
done
echo "level $level: $runs runs, $failures with errors"
[ "$failures" -eq 0 ]
