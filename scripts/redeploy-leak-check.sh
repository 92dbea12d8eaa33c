#!/usr/bin/env bash
# Redeploy leak check: does undeploying the WAR give back everything it took?
#
#   mvn -B -DskipTests package && scripts/redeploy-leak-check.sh [CYCLES]
#
# Starts a standalone Tomcat 10.1 from its Maven Central distribution with its default conf/ plus
# the manager webapp (a manager-script user written into conf/tomcat-users.xml), then CYCLES times
# (default 20): deploys target/ankiconnect-server.war at /anki through /manager/text/deploy,
# serves version, createDeck (a write: Derby and Liquibase really run), findNotes (the search
# copy and its refresh thread) and exportPackage (SQLite), and undeploys it. It fails unless
#   - /manager/text/findleaks?statusLine=true reports no leaks (no undeployed application's class
#     loader is still reachable),
#   - after a full GC (jcmd GC.run) the heap in use and the number of loaded classes at the last
#     cycle exceed those at cycle 5 by at most HEAP_TOLERANCE_MB (default 24) and
#     CLASS_TOLERANCE (default 1000; one deployment loads about 10,000 classes),
#   - catalina.out has no SEVERE line and no warning of Tomcat's leak detection
#     (WebappClassLoaderBase: JDBC drivers left registered, threads left running, ThreadLocals).
#     Tomcat's own Catalina-utility-N thread, caught inside StandardContext.backgroundProcess at
#     undeploy (a race of Tomcat's, seen once in 20 cycles), is not counted.
# Exit status 0 when all hold. Work directory (Tomcat, its logs, the Derby data directory given
# with -Dankiconnect.dataDir): WORK, default target/redeploy-leak-check (emptied first). PORT:
# the HTTP port, default a free one. HEAP_DUMP=FILE writes a heap dump (jcmd GC.heap_dump) after
# the last cycle, to find what holds an undeployed class loader. Needs curl, unzip, python3 and
# the JDK's jcmd and jstat.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
. "$here/scripts/lib/tomcat.sh"
version="10.1.59"
cycles="${1:-20}"
measure_from=5
heap_tolerance_mb="${HEAP_TOLERANCE_MB:-24}"
class_tolerance="${CLASS_TOLERANCE:-1000}"
war="$here/target/ankiconnect-server.war"
work="${WORK:-$here/target/redeploy-leak-check}"
port="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
user="leakcheck"
password="$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
base="http://127.0.0.1:$port"
app="/anki"
started=$(date +%s)

say() { echo "redeploy-leak-check: $*"; }
fail() { say "FAIL: $*" >&2; exit 1; }

[ -f "$war" ] || { say "run mvn -B -DskipTests package first (no $war)" >&2; exit 2; }
[ "$cycles" -ge "$measure_from" ] || { say "CYCLES must be at least $measure_from" >&2; exit 2; }
rm -rf "$work"
mkdir -p "$work/data"
tomcat_unpack "$version" "$work"
home="$work/apache-tomcat-$version"
# tomcat_unpack empties webapps/: bring back the manager, with a script user.
(cd "$work" && unzip -q "dist/tomcat-$version.zip" "apache-tomcat-$version/webapps/manager/*")
tomcat_bind "$home" "$port" -1
cat >"$home/conf/tomcat-users.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">
  <role rolename="manager-script"/>
  <user username="$user" password="$password" roles="manager-script"/>
</tomcat-users>
XML

pidfile="$work/tomcat.pid"
stop_tomcat() { tomcat_kill "$pidfile" >/dev/null 2>&1 || true; }
trap stop_tomcat EXIT
CATALINA_PID="$pidfile" CATALINA_OPTS="-Xmx1g -XX:+UseG1GC -Dankiconnect.dataDir=$work/data" \
  "$home/bin/catalina.sh" start >"$work/start.log" 2>&1
pid=$(cat "$pidfile")
log="$home/logs/catalina.out"

manager() { # command [query] -> reply
  curl -sS --max-time 300 -u "$user:$password" "$base/manager/text/$1${2:+?$2}"
}
post() { # json -> reply
  curl -sS --max-time 60 -X POST -H 'Content-Type: application/json' --data "$1" "$base$app/"
}
expect() { # what json expected-substring
  reply=$(post "$2") || fail "$1: no reply (see $log)"
  case "$reply" in
    *"$3"*) ;;
    *) fail "$1: expected $3, got: $reply" ;;
  esac
}

for _ in $(seq 120); do
  manager list 2>/dev/null | grep -q '^OK' && break
  sleep 1
done
manager list | grep -q '^OK' || fail "the manager did not answer (see $log)"

# Heap in use (KB) and classes loaded, after a full GC; each waits for the GC to finish.
heap_kb() {
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1
}
classes() { # loaded minus unloaded
  jstat -class "$pid" | awk 'NR == 2 { print $1 - $3 }'
}
loaders() { # web application class loaders alive (the manager's among them)
  jcmd "$pid" VM.classloaders 2>/dev/null | grep -c 'WebappClassLoader' || true
}

for cycle in $(seq "$cycles"); do
  # The WAR uploaded as the request body (PUT).
  reply=$(curl -sS --max-time 300 -u "$user:$password" -T "$war" "$base/manager/text/deploy?path=$app" 2>&1) \
    || fail "cycle $cycle: deploy: $reply"
  case "$reply" in OK*) ;; *) fail "cycle $cycle: deploy: $reply (see $log)" ;; esac
  expect "cycle $cycle: version" '{"action": "version", "version": 6}' '{"result": 6, "error": null}'
  expect "cycle $cycle: createDeck" "{\"action\": \"createDeck\", \"version\": 6, \"params\": {\"deck\": \"Leak::Cycle $cycle\"}}" '"error": null'
  expect "cycle $cycle: findNotes" '{"action": "findNotes", "version": 6, "params": {"query": "deck:Leak*"}}' '"error": null'
  expect "cycle $cycle: exportPackage" "{\"action\": \"exportPackage\", \"version\": 6, \"params\": {\"deck\": \"Leak::Cycle $cycle\", \"path\": \"leak-$cycle.apkg\"}}" '{"result": true, "error": null}'
  reply=$(manager undeploy "path=$app") || fail "cycle $cycle: undeploy: $reply"
  case "$reply" in OK*) ;; *) fail "cycle $cycle: undeploy: $reply (see $log)" ;; esac
  if [ "$cycle" -eq "$measure_from" ] || [ "$cycle" -eq "$cycles" ]; then
    heap=$(heap_kb); loaded=$(classes); alive=$(loaders)
    eval "heap_$cycle=$heap; loaded_$cycle=$loaded"
    say "cycle $cycle: heap after GC $((heap / 1024)) MB, $loaded classes loaded, $alive web application class loaders alive"
  else
    say "cycle $cycle: deployed, served, undeployed"
  fi
done

if [ -n "${HEAP_DUMP:-}" ]; then
  jcmd "$pid" GC.heap_dump "$HEAP_DUMP" >/dev/null && say "heap dump: $HEAP_DUMP"
fi
failures=()
leaks=$(manager findleaks "statusLine=true")
say "findleaks: $(echo "$leaks" | tr '\n' ' ')"
echo "$leaks" | tail -1 | grep -q '^OK - No memory leaks found' || failures+=("findleaks reports a leak: $leaks")

eval "h0=\$heap_$measure_from; h1=\$heap_$cycles; c0=\$loaded_$measure_from; c1=\$loaded_$cycles"
say "heap after GC: cycle $measure_from $((h0 / 1024)) MB, cycle $cycles $((h1 / 1024)) MB (tolerance $heap_tolerance_mb MB)"
say "classes loaded: cycle $measure_from $c0, cycle $cycles $c1 (tolerance $class_tolerance)"
[ $((h1 - h0)) -le $((heap_tolerance_mb * 1024)) ] || failures+=("the heap grew by $(((h1 - h0) / 1024)) MB from cycle $measure_from to $cycles")
[ $((c1 - c0)) -le "$class_tolerance" ] || failures+=("$((c1 - c0)) more classes loaded at cycle $cycles than at $measure_from")

# Not counted: Tomcat's own background thread (Catalina-utility-N) caught while it ran this context's
# backgroundProcess at the moment of undeploy (its context class loader is the web application's for that call).
# Tomcat names it, the stack below the warning is Tomcat's alone, and findleaks and the heap above say whether
# anything stayed.
leak_lines=$(awk '
  / SEVERE | WARNING .*org\.apache\.catalina\.loader\.WebappClassLoaderBase/ {
    if (pending != "") print pending
    pending = $0; benign = ($0 ~ /started a thread named \[Catalina-utility-[0-9]+\]/); next
  }
  pending != "" && /^ / {
    if (benign && $0 ~ /org\.apache\.catalina\.core\.StandardContext\.backgroundProcess/) pending = ""
    next
  }
  pending != "" { print pending; pending = "" }
  END { if (pending != "") print pending }
' "$log")
if [ -n "$leak_lines" ]; then
  failures+=("catalina.out has $(echo "$leak_lines" | wc -l) SEVERE or leak warning lines")
  echo "$leak_lines" | cut -c1-400 | head -40
fi

cpu=$(ps -o times= -p "$pid" | tr -d ' ')
stop_tomcat
trap - EXIT
say "$cycles cycles in $(($(date +%s) - started)) s (Tomcat used ${cpu:-?} s of CPU); logs in $home/logs/"
if [ ${#failures[@]} -gt 0 ]; then
  for f in "${failures[@]}"; do say "FAIL: $f" >&2; done
  exit 1
fi
say "OK: no leaks after $cycles deployments"
