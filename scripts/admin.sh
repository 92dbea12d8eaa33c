#!/bin/sh
# The AnkiConnect Server administration tool (users, API keys, profiles), run against the
# database that the server's configuration names.
#
#   scripts/admin.sh [--war FILE.war | --dir EXPLODED_WAR_DIR] [--config FILE] COMMAND ...
#   scripts/admin.sh user add alice
#   scripts/admin.sh key issue alice "alice's laptop"      # prints the key once
#
# The classes and libraries come from the WAR (default: target/ankiconnect-server, as built by
# mvn package); the configuration from --config, else $ANKICONNECT_CONFIG, else the WAR's own
# WEB-INF/ankiconnect.properties. -Dankiconnect.KEY=... in $JAVA_OPTS and ANKICONNECT_* variables
# override it as they do for the server. Use the Tomcat WAR (not the -ee one: it lacks JPA).
# With embedded Derby stop the server first: only one process may open that database.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
war=""
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --war) war="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    *) break ;;
  esac
done
cleanup=""
if [ -n "$war" ]; then
  [ -f "$war" ] || { echo "admin.sh: no WAR file at $war" >&2; exit 2; }
  war="$(cd "$(dirname "$war")" && pwd)/$(basename "$war")"   # absolute before the cd below
  dir=$(mktemp -d)
  cleanup="$dir"
  (cd "$dir" && unzip -q "$war")
elif [ -z "$dir" ]; then
  dir="$here/target/ankiconnect-server"
fi
if [ ! -d "$dir/WEB-INF/classes" ]; then
  echo "admin.sh: no exploded WAR at $dir (run mvn package, or pass --war or --dir)" >&2
  exit 2
fi
config_args=""
if [ "${1:-}" != "--config" ] && [ -z "${ANKICONNECT_CONFIG:-}" ]; then
  set -- --config "$dir/WEB-INF/ankiconnect.properties" "$@"
fi
status=0
java ${JAVA_OPTS:-} -cp "$dir/WEB-INF/classes:$dir/WEB-INF/lib/*" dev.ankiconnect.admin.Admin "$@" || status=$?
[ -n "$cleanup" ] && rm -rf "$cleanup"
exit $status
