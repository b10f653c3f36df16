#!/bin/bash -eu
# Builds every fuzz target the OSS-Fuzz / ClusterFuzzLite way: only the variables that
# infrastructure sets ($CC $CXX $CFLAGS $CXXFLAGS $LIB_FUZZING_ENGINE $OUT $SRC, and $WORK
# for the build tree) decide how; the targets, their .options and .dict files, and each
# seed corpus as <target>_seed_corpus.zip land in $OUT. Used by .clusterfuzzlite/build.sh;
# by hand (libFuzzer + ASan, as OSS-Fuzz's defaults):
#
#   CC=clang CXX=clang++ CFLAGS="-O1 -gline-tables-only -fsanitize=address,fuzzer-no-link" \
#   CXXFLAGS="$CFLAGS" LIB_FUZZING_ENGINE=-fsanitize=fuzzer SRC=$PWD/.. OUT=/tmp/out \
#   WORK=/tmp/work fuzz/build.sh
root=$(cd "$(dirname "$0")/.." && pwd)
build=${WORK:-$root/build}/oss-fuzz
mkdir -p "$OUT"

# The sanitizer and coverage flags come from $CXXFLAGS; the project adds none of its own
# (CONFORM_SANITIZE and CONFORM_FUZZ stay off) and builds no tests. conform is C++ only,
# so $CC and $CFLAGS go unused.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="$CXXFLAGS" -DCMAKE_CXX_FLAGS_RELEASE= \
  -DCONFORM_TESTS=OFF -DCONFORM_FUZZ_ENGINE="$LIB_FUZZING_ENGINE"
targets=$(tr ';' ' ' < "$build/fuzz/targets.txt")
cmake --build "$build" --target $(printf 'fuzz_%s ' $targets)

for name in $targets; do
  cp "$build/fuzz/fuzz_$name" "$OUT/$name"
  [ -f "$root/fuzz/$name.options" ] && cp "$root/fuzz/$name.options" "$OUT/"
  rm -f "$OUT/${name}_seed_corpus.zip"
  (cd "$root/corpus/$name" && find . -type f -print | zip -q -j "$OUT/${name}_seed_corpus.zip" -@)
done
cp "$root"/fuzz/*.dict "$OUT/"
