#!/bin/sh
# The deployment check on every supported container: starts Tomcat 10.1, Tomcat 11 and Payara
# Micro 6 one after the other from their Maven Central distributions, deploys the right WAR at
# "/", runs a smoke set of actions over HTTP (single-user with apiKey, then multi-user with a
# user made by the admin tool) and stops the container.
#
#   mvn -B package -DskipTests && scripts/container-check.sh [tomcat10|tomcat11|payara ...]
#
# Exit status 0 when every container passed. Logs and data: target/container-check/.
# Environment: PORT (default 18870), JAVA_FOR_PAYARA (default: java).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
. "$here/scripts/lib/tomcat.sh"
work="$here/target/container-check"
port="${PORT:-18870}"
tomcat10="10.1.59"
tomcat11="11.0.24"
payara="6.2025.10"
war="$here/target/ankiconnect-server.war"
eewar="$here/target/ankiconnect-server-ee.war"
failures=0
containers="${*:-tomcat10 tomcat11 payara}"

[ -f "$war" ] && [ -f "$eewar" ] || { echo "container-check: run mvn package first (no $war / $eewar)" >&2; exit 2; }
rm -rf "$work"
mkdir -p "$work/dist"

fetch() { # groupId:artifactId:version:type -> file in $work/dist
  mvn -B -q dependency:copy -Dartifact="$1" -DoutputDirectory="$work/dist" >"$work/dist/fetch.log" 2>&1 \
    || { echo "container-check: cannot fetch $1 (see $work/dist/fetch.log)" >&2; return 1; }
}

post() { # body [key] -> reply body
  curl -s --max-time 60 -X POST -H 'Content-Type: application/json' --data "$1" "http://127.0.0.1:$port/"
}

expect() { # name body expected-substring
  reply=$(post "$2")
  case "$reply" in
    *"$3"*) echo "  ok   $1" ;;
    *) echo "  FAIL $1: expected $3, got $reply"; smoke_failed=1 ;;
  esac
}

wait_up() { # seconds
  tomcat_wait_up "http://127.0.0.1:$port/_health" "$1"
}

smoke_single() {
  smoke_failed=0
  expect "banner" "" "AnkiConnect"
  expect "version" '{"action": "version", "version": 6, "key": "smoke-key"}' '{"result": 6, "error": null}'
  expect "wrong key refused" '{"action": "version", "version": 6, "key": "nope"}' 'valid api key must be provided'
  expect "requestPermission" '{"action": "requestPermission", "version": 6}' '"requireApikey": true'
  expect "getProfiles" '{"action": "getProfiles", "version": 6, "key": "smoke-key"}' '{"result": ["User 1"], "error": null}'
  expect "createDeck" '{"action": "createDeck", "version": 6, "key": "smoke-key", "params": {"deck": "Smoke::Test"}}' '"error": null'
  expect "deckNames" '{"action": "deckNames", "version": 6, "key": "smoke-key"}' '"Smoke::Test"'
  expect "modelNames" '{"action": "modelNames", "version": 6, "key": "smoke-key"}' '"Basic"'
  expect "storeMediaFile" '{"action": "storeMediaFile", "version": 6, "key": "smoke-key", "params": {"filename": "smoke.txt", "data": "c21va2U="}}' '{"result": "smoke.txt", "error": null}'
  expect "retrieveMediaFile" '{"action": "retrieveMediaFile", "version": 6, "key": "smoke-key", "params": {"filename": "smoke.txt"}}' '{"result": "c21va2U=", "error": null}'
  expect "multi" '{"action": "multi", "version": 6, "key": "smoke-key", "params": {"actions": [{"action": "version", "key": "smoke-key"}, {"action": "getActiveProfile", "version": 6, "key": "smoke-key"}]}}' '{"result": [6, {"result": "User 1", "error": null}], "error": null}'
  return $smoke_failed
}

smoke_multi() { # key
  smoke_failed=0
  k="$1"
  expect "user key" "{\"action\": \"getProfiles\", \"version\": 6, \"key\": \"$k\"}" '{"result": ["Smoke Profile"], "error": null}'
  expect "user deck" "{\"action\": \"createDeck\", \"version\": 6, \"key\": \"$k\", \"params\": {\"deck\": \"Mine\"}}" '"error": null'
  expect "single-user key refused" '{"action": "version", "version": 6, "key": "smoke-key"}' 'valid api key must be provided'
  return $smoke_failed
}

# Prepares a multi-user data directory with the admin tool; prints the key.
prepare_users() { # dataDir
  JAVA_OPTS="-Dankiconnect.dataDir=$1" "$here/scripts/admin.sh" user add smoke >/dev/null 2>>"$work/admin.log" &&
  JAVA_OPTS="-Dankiconnect.dataDir=$1" "$here/scripts/admin.sh" profile add smoke "Smoke Profile" >/dev/null 2>>"$work/admin.log" &&
  JAVA_OPTS="-Dankiconnect.dataDir=$1" "$here/scripts/admin.sh" key issue smoke container-check 2>>"$work/admin.log" | tail -n 1
}

run_tomcat() { # name version
  name="$1"; version="$2"
  echo "== $name (Apache Tomcat $version, $war)"
  tomcat_unpack "$version" "$work" || { echo "container-check: cannot fetch Tomcat $version" >&2; return 1; }
  home="$work/apache-tomcat-$version"
  # HTTP on 127.0.0.1:$port only; no shutdown port (stopped by signal).
  tomcat_bind "$home" "$port" -1
  result=0
  for mode in single multi; do
    data="$work/$name-$mode-data"
    if [ $mode = single ]; then
      opts="-Dankiconnect.dataDir=$data -Dankiconnect.apiKey=smoke-key"
    else
      key=$(prepare_users "$data") || { echo "  FAIL admin tool"; result=1; continue; }
      opts="-Dankiconnect.dataDir=$data -Dankiconnect.users=true"
    fi
    cp "$war" "$home/webapps/ROOT.war"
    CATALINA_PID="$work/$name.pid" CATALINA_OPTS="$opts" CATALINA_OUT="$work/$name-$mode.log" \
      "$home/bin/catalina.sh" start >/dev/null 2>&1
    if wait_up 180; then
      if [ $mode = single ]; then smoke_single || result=1; else smoke_multi "$key" || result=1; fi
    else
      echo "  FAIL $name did not come up (see $work/$name-$mode.log)"; result=1
    fi
    tomcat_kill "$work/$name.pid"
    rm -rf "$home/webapps/ROOT" "$home/webapps/ROOT.war" "$home/work/Catalina"
  done
  return $result
}

run_payara() {
  echo "== payara (Payara Micro $payara, $eewar)"
  fetch "fish.payara.extras:payara-micro:$payara:jar" || return 1
  result=0
  for mode in single multi; do
    data="$work/payara-$mode-data"
    if [ $mode = single ]; then
      opts="-Dankiconnect.dataDir=$data -Dankiconnect.apiKey=smoke-key"
    else
      key=$(prepare_users "$data") || { echo "  FAIL admin tool"; result=1; continue; }
      opts="-Dankiconnect.dataDir=$data -Dankiconnect.users=true"
    fi
    ${JAVA_FOR_PAYARA:-java} $opts -jar "$work/dist/payara-micro-$payara.jar" --nocluster --disablephonehome \
      --deploy "$eewar" --contextroot / --port "$port" --rootDir "$work/payara-$mode-root" \
      >"$work/payara-$mode.log" 2>&1 &
    pid=$!
    if wait_up 300; then
      if [ $mode = single ]; then smoke_single || result=1; else smoke_multi "$key" || result=1; fi
    else
      echo "  FAIL payara did not come up (see $work/payara-$mode.log)"; result=1
    fi
    kill "$pid" 2>/dev/null
    i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 60 ]; do sleep 1; i=$((i + 1)); done
    kill -9 "$pid" 2>/dev/null
  done
  return $result
}

for c in $containers; do
  case "$c" in
    tomcat10) run_tomcat tomcat10 "$tomcat10" || failures=$((failures + 1)) ;;
    tomcat11) run_tomcat tomcat11 "$tomcat11" || failures=$((failures + 1)) ;;
    payara) run_payara || failures=$((failures + 1)) ;;
    *) echo "container-check: unknown container $c (tomcat10, tomcat11, payara)" >&2; failures=$((failures + 1)) ;;
  esac
done
if [ $failures -eq 0 ]; then
  echo "container-check: all passed ($containers)"
else
  echo "container-check: $failures container(s) failed"
fi
exit $failures
