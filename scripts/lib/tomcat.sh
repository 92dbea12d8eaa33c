# Shell functions shared by scripts/container-check.sh and scripts/standalone-tomcat.sh: a Tomcat
# distribution from Maven Central with its default conf/, bound to 127.0.0.1 only. Source it.

# tomcat_unpack VERSION DIR: fetches org.apache.tomcat:tomcat:VERSION:zip (mvn dependency:copy,
# log in DIR/dist/fetch.log), unpacks it into DIR and empties webapps/; home: DIR/apache-tomcat-VERSION.
tomcat_unpack() {
  mkdir -p "$2/dist"
  mvn -B -q dependency:copy -Dartifact="org.apache.tomcat:tomcat:$1:zip" -DoutputDirectory="$2/dist" \
    >"$2/dist/fetch.log" 2>&1 \
    || { echo "cannot fetch Tomcat $1 (see $2/dist/fetch.log)" >&2; return 1; }
  rm -rf "$2/apache-tomcat-$1"
  (cd "$2" && unzip -q "dist/tomcat-$1.zip") || return 1
  rm -rf "$2/apache-tomcat-$1/webapps/"*
  chmod +x "$2/apache-tomcat-$1/bin/"*.sh
}

# tomcat_bind HOME PORT SHUTDOWN_PORT: the only changes to the default conf/server.xml: the HTTP
# connector on 127.0.0.1:PORT and the shutdown port (-1: none, stop by signal).
tomcat_bind() {
  sed -i -e "s#<Server port=\"8005\"#<Server port=\"$3\"#" \
         -e "s#<Connector port=\"8080\"#<Connector address=\"127.0.0.1\" port=\"$2\"#" "$1/conf/server.xml"
}

# tomcat_wait_up URL SECONDS: true once GET URL answers {"status": "UP"} (the server's /_health).
tomcat_wait_up() {
  i=0
  while [ "$i" -lt "$2" ]; do
    if curl -s --max-time 2 "$1" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    sleep 1
    i=$((i + 1))
  done
  return 1
}

# tomcat_kill PIDFILE: SIGTERM (Tomcat's shutdown hook stops it cleanly), then up to 60 s, then SIGKILL.
tomcat_kill() {
  [ -f "$1" ] || return 0
  pid=$(cat "$1")
  kill "$pid" 2>/dev/null
  i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 60 ]; do sleep 1; i=$((i + 1)); done
  kill -9 "$pid" 2>/dev/null
  rm -f "$1"
}
