#!/usr/bin/env bash
# Publication burst benchmark: N posts due at the same instant on the demo's Sandbox accounts, with
# one or two Parvis nodes on a fresh PostgreSQL database (created and dropped here).
# Usage: tools/bench-publishing.sh [posts=10000] [nodes=1] [due-in seconds=300] [sandbox accounts=demo's 3]
# Needs PostgreSQL on 127.0.0.1:5432 (or PARVIS_TEST_POSTGRES_URL/_USER/_PASSWORD). Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -o test-compile
CP="target/classes:$(./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
exec java -cp "target/test-classes:$CP" -Dsurefire.test.class.path="target/classes:$CP" \
    fr.parvis.publishing.multinode.PublishingBenchmark "${1:-10000}" "${2:-1}" "${3:-300}" "${4:-0}"
