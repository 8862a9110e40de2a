#!/usr/bin/env bash
# Start-up benchmark of the packaged application (docs/benchmarks.md).
#
#   ./mvnw -DskipTests package      # builds target/parvis.jar; this script builds nothing
#   bench/startup.sh [RUNS]         # RUNS defaults to 5 (or $RUNS)
#
# Each run starts `java -jar target/parvis.jar` with default JVM settings in demo mode on a fresh,
# empty data directory (first start: Flyway creates the H2 database, the demo is seeded), waits for
# /actuator/health/readiness to answer UP, records the time to ready (from the launch of the
# process) and its resident memory (VmRSS) when ready and after IDLE_SECONDS (default 20) idle,
# then stops it with SIGTERM and checks that it shut down gracefully. It then starts the app again
# on the same data directory (second start: database exists, nothing to seed) and measures the same.
# Prints every run, then the median, min and max of each figure. Only loopback traffic.
#
# Columns: ready_s = seconds from launch to readiness UP; refresh_s = Spring's "Started ... in" (context
# refresh, before the demo seeding and the readiness event); cpu_s = CPU seconds (user + system, all
# threads) the process used until ready, which depends much less than ready_s on what else the machine
# runs; rss = VmRSS; stop_s = seconds from SIGTERM to exit; load = 1-minute load average at launch.
# The CPU time per kind of thread at readiness is kept beside the logs (run*-*.threads).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS="${1:-${RUNS:-5}}"
IDLE_SECONDS="${IDLE_SECONDS:-20}"
READY_TIMEOUT="${READY_TIMEOUT:-300}"
STOP_TIMEOUT="${STOP_TIMEOUT:-60}"
JAR="${JAR:-target/parvis.jar}"
JAVA="${JAVA:-java}"

if [[ ! -f "$JAR" ]]; then
    echo "bench: $JAR not found; build it first with ./mvnw -DskipTests package" >&2
    exit 2
fi
command -v curl >/dev/null || { echo "bench: curl is needed" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/parvis-bench.XXXXXX")"
RESULTS="$WORK/results.tsv"
APP_PID=""

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        sleep 5
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "bench: no free port found" >&2
    return 1
}

rss_mib() { # pid
    awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"
}

CLK_TCK=$(getconf CLK_TCK)

cpu_seconds() { # pid -> user + system CPU time of the process so far
    sed 's/^.*) //' "/proc/$1/stat" | awk -v hz="$CLK_TCK" '{ printf "%.1f", ($12 + $13) / hz }'
}

# CPU seconds per kind of thread (JIT compilers, GC, main = "java", ...), thread numbers stripped.
thread_cpu() { # pid
    for task in /proc/"$1"/task/*; do
        name=$(sed -E 's/#?[0-9]+$//' "$task/comm" 2>/dev/null) || continue
        sed 's/^.*) //' "$task/stat" 2>/dev/null | awk -v n="$name" -v hz="$CLK_TCK" '{ printf "%s\t%.2f\n", n, ($12 + $13) / hz }'
    done | awk -F'\t' '{ s[$1] += $2 } END { for (n in s) printf "%8.2f  %s\n", s[n], n }' | sort -rn
}

now() {
    echo "$EPOCHREALTIME"
}

# measure RUN KIND DATA_DIR: appends one line to $RESULTS
measure() {
    local run=$1 kind=$2 data=$3 port log start ready_at ready rss_ready rss_idle stopped_at stop rc graceful
    local load cpu
    load=$(cut -d' ' -f1 /proc/loadavg)
    port=$(free_port)
    log="$WORK/run$run-$kind.log"
    start=$(now)
    PARVIS_DATA_DIR="$data" PORT="$port" PARVIS_DEMO=true "$JAVA" -jar "$JAR" >"$log" 2>&1 &
    APP_PID=$!
    while true; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            rc=0
            wait "$APP_PID" || rc=$?
            APP_PID=""
            echo "bench: the application exited (status $rc) before being ready; see $log" >&2
            tail -n 40 "$log" >&2
            exit 1
        fi
        if curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
            ready_at=$(now)
            break
        fi
        if awk -v s="$start" -v n="$(now)" -v t="$READY_TIMEOUT" 'BEGIN { exit !(n - s > t) }'; then
            echo "bench: not ready after $READY_TIMEOUT s; see $log" >&2
            exit 1
        fi
        sleep 0.1
    done
    rss_ready=$(rss_mib "$APP_PID")
    cpu=$(cpu_seconds "$APP_PID")
    thread_cpu "$APP_PID" >"$WORK/run$run-$kind.threads"
    sleep "$IDLE_SECONDS"
    rss_idle=$(rss_mib "$APP_PID")
    stopped_at=$(now)
    kill -TERM "$APP_PID"
    rc=0
    local waited=0
    while kill -0 "$APP_PID" 2>/dev/null && (( waited < STOP_TIMEOUT * 10 )); do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
        echo "bench: still running $STOP_TIMEOUT s after SIGTERM; killing it" >&2
        kill -KILL "$APP_PID" || true
    fi
    wait "$APP_PID" || rc=$?
    stop=$(awk -v a="$stopped_at" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
    APP_PID=""
    # SIGTERM ends the JVM with 143 (128 + 15) once the shutdown hooks have run.
    if [[ $rc -eq 143 || $rc -eq 0 ]] && grep -q "Graceful shutdown complete" "$log"; then
        graceful=yes
    else
        graceful="no(exit $rc)"
    fi
    ready=$(awk -v a="$start" -v b="$ready_at" 'BEGIN { printf "%.2f", b - a }')
    local spring
    spring=$(grep -o 'Started ParvisApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -n 1 || true)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$kind" "$ready" "${spring:--}" "$cpu" "$rss_ready" \
        "$rss_idle" "$stop" "$graceful" "$load" >>"$RESULTS"
    printf "$ROW" "$run" "$kind" "$ready" "${spring:--}" "$cpu" "$rss_ready" "$rss_idle" "$stop" "$load" "$graceful"
}

ROW='%-4s %-7s %8s %9s %7s %10s %10s %7s %6s  %s\n'

echo "Parvis start-up benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "jar: $JAR ($(du -h "$JAR" | cut -f1)), java: $("$JAVA" -version 2>&1 | head -n 1), runs: $RUNS, idle: $IDLE_SECONDS s"
echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg), logs: $WORK"
echo
printf "$ROW" run start ready_s refresh_s cpu_s rss_ready rss_idle stop_s load graceful
printf "$ROW" '' '' '' '' '' '(MiB)' '(MiB)' '' '' ''
for run in $(seq 1 "$RUNS"); do
    data="$WORK/data-$run"
    rm -rf "$data"
    measure "$run" first "$data"
    measure "$run" second "$data"
    rm -rf "$data"
done

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# Median (mean of the two middle values when even), min and max per kind and figure.
printf '%-7s %-10s %8s %8s %8s\n' start figure median min max
for kind in first second; do
    for column in 3:ready_s 4:refresh_s 5:cpu_s 6:rss_ready 7:rss_idle 8:stop_s 10:load; do
        col=${column%%:*}
        name=${column#*:}
        awk -F'\t' -v k="$kind" -v c="$col" '$2 == k && $c != "-" { print $c }' "$RESULTS" | sort -g | awk \
            -v k="$kind" -v n="$name" '{ v[NR] = $1 } END {
                if (NR == 0) exit;
                m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
                printf "%-7s %-10s %8.2f %8.2f %8.2f\n", k, n, m, v[1], v[NR] }'
    done
done
not_graceful=$(awk -F'\t' '$9 != "yes"' "$RESULTS" | wc -l)
echo
echo "graceful shutdowns: $(( $(wc -l <"$RESULTS") - not_graceful ))/$(wc -l <"$RESULTS")"
for kind in first second; do
    echo
    echo "CPU seconds by kind of thread at readiness, run 1, $kind start:"
    head -n 6 "$WORK/run1-$kind.threads"
done
echo
echo "raw results: $RESULTS"
