#!/bin/bash -eu
# ClusterFuzzLite's entry point: the project's own OSS-Fuzz-style build script.
"$SRC/conform/fuzz/build.sh"
