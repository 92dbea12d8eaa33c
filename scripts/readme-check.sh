#!/usr/bin/env bash
# Runs the README's examples that no test runs, as the README writes them, and fails on the first one
# that fails. The commands are read from README.md itself (its ```sh blocks), so an edited example is
# what gets run. Needs the WARs of `mvn -B -DskipTests package` (or of `mvn verify`).
#
#   scripts/readme-check.sh [start] [admin] [bench] [containers]    # default: all four
#
# start       the first set-up command (mvn package cargo:run) on 127.0.0.1:8765, then the curl example
#             against it; the collection goes to a temporary dataDir (ANKICONNECT_DATA_DIR), not ~.
# admin       every scripts/admin.sh line on that temporary collection ("key revoke" gets the id that
#             "key list" printed; "--war /srv/... --config /etc/..." gets this build's WAR and a file).
# bench       every benchmark command (the lines with -Pbench), shrunk so that each takes seconds:
#             BENCH_NOTES, BENCH_RUNS and the bench.* durations below. The standalone-Tomcat block runs
#             whole, JFR included. A benchmark that meets an error exits non-zero.
# containers  scripts/container-check.sh (Tomcat 10.1, Tomcat 11, Payara Micro from Maven Central).
#
# Ports: 8765 (start), 18796 (the standalone Tomcat of the README) and the benchmarks' defaults
# must be free; the check says which one is not.
set -euo pipefail
cd "$(dirname "$0")/.."

sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(start admin bench containers)
work=$(mktemp -d /tmp/readme-check.XXXXXX)
# only the start and admin sections use it (benchmarks and container checks make their own)
data_dir="$work/data"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM -- "-$server_pid" 2>/dev/null || true; fi
  scripts/standalone-tomcat.sh stop /tmp/ac-tomcat >/dev/null 2>&1 || true
}
trap cleanup EXIT

say() { printf '\n== readme-check: %s\n' "$*"; }
fail() { printf 'readme-check: FAILED: %s\n' "$*" >&2; exit 1; }

# The lines of every ```sh block of README.md that contains $1 (a fixed string), comments and
# blank lines dropped, one command per line.
sh_blocks_with() {
  awk -v pat="$1" '
    /^ *```sh *$/ { inblock = 1; n = 0; hit = 0; next }
    /^ *```/ && inblock { if (hit) for (i = 1; i <= n; i++) print lines[i]; inblock = 0; next }
    inblock { if (index($0, pat)) hit = 1; lines[++n] = $0 }
  ' README.md | sed -e 's/^ *//' -e 's/[[:space:]]#.*$//' -e '/^$/d' -e '/^#/d'
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

run_start() {
  say "start: the first set-up command, then the curl example"
  port_free 8765 || fail "127.0.0.1:8765 is taken; the README's start command needs it"
  local start curl expected
  start=$(sh_blocks_with 'cargo:run' | grep -m1 'cargo:run')
  curl=$(awk '/^```sh/{b=1;next} /^```/{b=0} b && /^curl localhost:8765/{print; getline; print; exit}' README.md)
  expected=$(printf '%s\n' "$curl" | sed -n 2p)
  curl=$(printf '%s\n' "$curl" | sed -n 1p)
  [ -n "$start" ] && [ -n "$curl" ] && [ -n "$expected" ] || fail "README: start command or curl example not found"
  echo "\$ $start"
  ANKICONNECT_DATA_DIR="$data_dir" setsid bash -c "$start -B -ntp" >"$work/start.log" 2>&1 &
  server_pid=$!
  local deadline=$((SECONDS + 300))
  until ! port_free 8765; do
    kill -0 "$server_pid" 2>/dev/null || { tail -40 "$work/start.log"; fail "the start command ended"; }
    [ $SECONDS -lt $deadline ] || { tail -40 "$work/start.log"; fail "nothing listens on 8765 after 300 s"; }
    sleep 2
  done
  local got=""
  for _ in $(seq 60); do
    got=$(bash -c "$curl -sS" 2>/dev/null || true)
    [ -n "$got" ] && break
    sleep 1
  done
  echo "\$ $curl"
  echo "$got"
  [ "$got" = "$expected" ] || fail "the curl example answered '$got', the README says '$expected'"
  kill -TERM -- "-$server_pid"
  for _ in $(seq 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  server_pid=""
  for _ in $(seq 30); do port_free 8765 && break; sleep 1; done
  port_free 8765 || fail "8765 still taken after the server was stopped"
  [ -d "$data_dir" ] || fail "the server kept its collection elsewhere than dataDir"
}

run_admin() {
  say "admin: scripts/admin.sh as the README writes it"
  [ -d target/ankiconnect-server/WEB-INF ] || fail "build first: mvn -B -DskipTests package"
  printf 'dataDir=%s\n' "$data_dir" >"$work/admin.properties"
  # "profile assign \"User 1\"" needs the collection that single-user mode made in the start section
  [ -d "$data_dir" ] || fail "admin runs after start (scripts/readme-check.sh start admin)"
  local line key_id=""
  while IFS= read -r line; do
    case "$line" in
      *"key revoke "*)
        [ -n "$key_id" ] || fail "no key id from 'key list' for: $line"
        line=$(printf '%s\n' "$line" | sed "s/key revoke [0-9a-f]*/key revoke $key_id/") ;;
      *"--war /srv/"*)
        line=$(printf '%s\n' "$line" | sed -e "s#--war [^ ]*#--war target/ankiconnect-server.war#" \
          -e "s#--config [^ ]*#--config $work/admin.properties#") ;;
    esac
    echo "\$ $line"
    ANKICONNECT_DATA_DIR="$data_dir" bash -c "$line" </dev/null >"$work/admin.out" 2>"$work/admin.err" || { cat "$work/admin.out" "$work/admin.err"; fail "$line"; }
    cat "$work/admin.out"
    case "$line" in
      *"key list "*) key_id=$(awk 'NF { print $1; exit }' "$work/admin.out") ;;
    esac
  done < <(sh_blocks_with 'scripts/admin.sh user add')
  local java_line
  java_line=$(grep -o "java -cp '[^\`]*Admin --config FILE COMMAND" README.md | head -1)
  [ -n "$java_line" ] || fail "README: the 'without the script' line is not found"
  java_line=${java_line/FILE COMMAND/$work/admin.properties profile list}
  echo "\$ $java_line"
  ANKICONNECT_DATA_DIR="$data_dir" bash -c "$java_line" </dev/null | grep -q "User 1" || fail "$java_line"
}

# Each benchmark command, shrunk; the README's own BENCH_NOTES=N is replaced as well.
shrink() {
  sed -e 's/BENCH_NOTES=[0-9]*//' -e 's/\(mvn\) /\1 -B -ntp /' <<<"$1" | sed -e 's/$/ -Dbench.seconds=1 -Dbench.warmup=0 -Dbench.levels=1,4/'
}

run_bench() {
  say "bench: every benchmark command, small"
  local line
  while IFS= read -r line; do
    case "$line" in
      *"-Dbench.url=http://127.0.0.1:18796/"*) continue ;; # run below, in its block
    esac
    line=$(shrink "$line")
    echo "\$ $line"
    bash -c "$line" </dev/null >"$work/bench.log" 2>&1 || { tail -60 "$work/bench.log"; fail "$line"; }
    grep -avE '^(\[|WARNING|INFO|SEVERE|[A-Z][a-z]{2} [0-9]{2}, |\s)' "$work/bench.log" | tail -3 || true
  done < <(sh_blocks_with '-Pbench' | grep -e '-Pbench' | sort -u)

  say "bench: the standalone Tomcat block"
  port_free 18796 || fail "127.0.0.1:18796 is taken; the README's standalone Tomcat needs it"
  while IFS= read -r line; do
    case "$line" in *-Pbench*) line=$(shrink "$line") ;; esac
    echo "\$ $line"
    bash -c "$line" </dev/null >"$work/standalone.log" 2>&1 || { tail -60 "$work/standalone.log"; fail "$line"; }
  done < <(sh_blocks_with 'scripts/standalone-tomcat.sh start 18796')
  # the ConcurrencyBenchmark line that names the same standalone Tomcat
  scripts/standalone-tomcat.sh start 18796 /tmp/ac-tomcat >/dev/null
  line=$(sh_blocks_with 'ConcurrencyBenchmark' | grep -m1 -e '-Dbench.url=http://127.0.0.1:18796/')
  line=$(shrink "$line")
  echo "\$ $line"
  bash -c "$line" </dev/null >"$work/bench.log" 2>&1 || { tail -60 "$work/bench.log"; fail "$line"; }
  scripts/standalone-tomcat.sh stop /tmp/ac-tomcat >/dev/null
}

run_containers() {
  say "containers: scripts/container-check.sh"
  local line
  line=$(sh_blocks_with 'scripts/container-check.sh' | grep -m1 'container-check.sh')
  echo "\$ $line"
  bash -c "$line" </dev/null >"$work/containers.log" 2>&1 || { tail -60 "$work/containers.log"; fail "$line"; }
  tail -5 "$work/containers.log"
}

for s in "${sections[@]}"; do
  case "$s" in
    start) run_start ;;
    admin) run_admin ;;
    bench) run_bench ;;
    containers) run_containers ;;
    *) fail "unknown section $s (start, admin, bench, containers)" ;;
  esac
done
rm -rf "$work"
say "every README example ran"
