#!/usr/bin/env bash
# What step 2 asks. Sourced into T1 (so the export and the cd stick) by the solution key and by
# `katarun test` after the step's actions — so it must give the same result when run twice.
export KATARUN_GREETING=hello
mkdir -p "$KATARUN_WORKSPACE/demo" && cd "$KATARUN_WORKSPACE/demo" || return 1
