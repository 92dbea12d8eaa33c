#!/bin/sh
# A standalone Apache Tomcat 10.1 from its Maven Central distribution zip with its DEFAULT conf/
# (logging.properties, AccessLogValve and all), for benchmarks and profiling:
#
#   mvn -B -DskipTests package                              # the WAR and the bench classes
#   scripts/standalone-tomcat.sh start PORT WORKDIR [JVM options...]
#   scripts/standalone-tomcat.sh stop WORKDIR
#
# start unpacks Tomcat into WORKDIR (fresh each time; the data directory WORKDIR/data is kept),
# changes only the HTTP connector (127.0.0.1:PORT) and the shutdown port (SHUTDOWN_PORT, default
# PORT+100, on localhost), deploys target/ankiconnect-server.war as webapps/ROOT.war and a bare
# JSON echo servlet (dev.ankiconnect.bench.EchoServlet) as webapps/echo.war (at /echo/), starts
# it with CATALINA_OPTS="-Dankiconnect.dataDir=WORKDIR/data [JVM options...]" and waits until
# /_health and /echo/ answer. JVM options are e.g. -Dankiconnect.jdbcUrl=jdbc:postgresql://...
# -Dankiconnect.jdbcUser=... -Dankiconnect.jdbcPassword=... or -XX:+FlightRecorder; a later
# -Dankiconnect.dataDir= wins. Logs: WORKDIR/apache-tomcat-*/logs/ (catalina.out and the rest).
# stop shuts it down through the shutdown port (SIGTERM, then SIGKILL after 60 s, if that fails).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/lib/tomcat.sh"
version="10.1.59"

usage() {
  echo "usage: $0 start PORT WORKDIR [JVM options...] | stop WORKDIR" >&2
  exit 2
}

# The echo WAR: the compiled bench servlet, a web.xml mapping it to /*, and JSON-P (Parsson) from the WAR.
echo_war() { # workdir
  war="$here/target/ankiconnect-server"
  class="$here/target/test-classes/dev/ankiconnect/bench/EchoServlet.class"
  [ -f "$class" ] && [ -d "$war/WEB-INF/lib" ] \
    || { echo "standalone-tomcat: run mvn -DskipTests package first (no $class or $war)" >&2; return 1; }
  e="$1/echo-war"
  rm -rf "$e"
  mkdir -p "$e/WEB-INF/classes/dev/ankiconnect/bench" "$e/WEB-INF/lib"
  cp "$class" "$e/WEB-INF/classes/dev/ankiconnect/bench/"
  cp "$war/WEB-INF/lib/"jakarta.json-api-*.jar "$war/WEB-INF/lib/"parsson-*.jar "$e/WEB-INF/lib/"
  cat >"$e/WEB-INF/web.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
  <servlet><servlet-name>echo</servlet-name><servlet-class>dev.ankiconnect.bench.EchoServlet</servlet-class></servlet>
  <servlet-mapping><servlet-name>echo</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
</web-app>
XML
  (cd "$e" && jar --create --file "$1/echo.war" WEB-INF)
}

start() { # port workdir [opts...]
  port="$1"; work=$(mkdir -p "$2" && cd "$2" && pwd); shift 2
  shutdown="${SHUTDOWN_PORT:-$((port + 100))}"
  [ -f "$here/target/ankiconnect-server.war" ] || { echo "standalone-tomcat: run mvn -DskipTests package first" >&2; return 1; }
  if [ -f "$work/tomcat.pid" ] && kill -0 "$(cat "$work/tomcat.pid")" 2>/dev/null; then
    echo "standalone-tomcat: already running in $work (pid $(cat "$work/tomcat.pid")); stop it first" >&2
    return 1
  fi
  tomcat_unpack "$version" "$work" || return 1
  home="$work/apache-tomcat-$version"
  tomcat_bind "$home" "$port" "$shutdown"
  cp "$here/target/ankiconnect-server.war" "$home/webapps/ROOT.war"
  echo_war "$work" && cp "$work/echo.war" "$home/webapps/echo.war" || return 1
  echo "$home" >"$work/tomcat.home"
  CATALINA_PID="$work/tomcat.pid" CATALINA_OPTS="-Dankiconnect.dataDir=$work/data $*" \
    "$home/bin/catalina.sh" start >"$work/start.log" 2>&1
  if tomcat_wait_up "http://127.0.0.1:$port/_health" 300 \
      && curl -s --max-time 10 -X POST --data '{"ping": 1}' "http://127.0.0.1:$port/echo/" | grep -q ping; then
    echo "standalone-tomcat: Tomcat $version up on http://127.0.0.1:$port/ (echo: /echo/), pid $(cat "$work/tomcat.pid"), logs $home/logs/"
  else
    echo "standalone-tomcat: Tomcat did not come up (see $home/logs/catalina.out)" >&2
    stop "$work"
    return 1
  fi
}

stop() { # workdir
  work="$1"
  [ -f "$work/tomcat.pid" ] || { echo "standalone-tomcat: nothing running in $work" >&2; return 1; }
  home=$(cat "$work/tomcat.home")
  pid=$(cat "$work/tomcat.pid")
  CATALINA_PID="$work/tomcat.pid" "$home/bin/catalina.sh" stop 60 >"$work/stop.log" 2>&1
  tomcat_kill "$work/tomcat.pid"
  echo "standalone-tomcat: stopped (pid $pid)"
}

[ $# -ge 1 ] || usage
case "$1" in
  start) [ $# -ge 3 ] || usage; shift; start "$@" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  *) usage ;;
esac
