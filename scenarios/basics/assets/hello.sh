#!/usr/bin/env bash
# A small asset: copied into the workspace by katarun and made executable (chmod +x).
echo "hello.sh ran in $(basename "$PWD"), greeting is '${KATARUN_GREETING:-unset}'"
