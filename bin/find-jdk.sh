# Sourced by ./mvnw, ./opsledger and .ci/run (POSIX sh, so dash can source it too): selects a
# JDK >= 21 and exports JAVA_HOME. Order: $JAVA_HOME if new enough, `java` on the PATH, then
# the JDKs under /usr/lib/jvm and /Library/Java/JavaVirtualMachines.

opsledger_java_major() {
    opsledger_version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F' = ' '/java.specification.version/ {print $2}')
    echo "${opsledger_version%%.*}"
}

opsledger_jdk_ok() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    opsledger_major=$(opsledger_java_major "$1")
    [ -n "$opsledger_major" ] && [ "$opsledger_major" -ge 21 ] 2>/dev/null
}

opsledger_select_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && opsledger_jdk_ok "$JAVA_HOME"; then
        export JAVA_HOME
        return 0
    fi
    if command -v java >/dev/null 2>&1; then
        opsledger_candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
        if opsledger_jdk_ok "$opsledger_candidate"; then
            JAVA_HOME=$opsledger_candidate
            export JAVA_HOME
            return 0
        fi
    fi
    for opsledger_candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        if opsledger_jdk_ok "$opsledger_candidate"; then
            JAVA_HOME=$opsledger_candidate
            export JAVA_HOME
            PATH="$JAVA_HOME/bin:$PATH"
            export PATH
            return 0
        fi
    done
    echo "No JDK 21 or newer found. Install one (e.g. Temurin 25) and set JAVA_HOME to it:" >&2
    echo "  export JAVA_HOME=/path/to/jdk-21-or-newer" >&2
    return 1
}
