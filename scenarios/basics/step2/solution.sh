#!/usr/bin/env bash
# What step 2 asks. Shown on the solution key; `katarun test` runs it after the step's actions.
export KATARUN_GREETING=hello
mkdir -p demo && cd demo || exit 1
