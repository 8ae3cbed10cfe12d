# Sourced by .ci/run and ./opsledger: selects a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME if new enough, `java` on the PATH, then the JDKs under /usr/lib/jvm.

opsledger_java_major() {
    local version
    version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
    echo "${version%%.*}"
}

opsledger_select_jdk() {
    local candidate major
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    fi
    for candidate in /usr/lib/jvm/*; do
        candidates+=("$candidate")
    done
    for candidate in "${candidates[@]}"; do
        [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(opsledger_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    echo "No JDK 21 or newer found. Install one (e.g. Temurin 25) and set JAVA_HOME to it:" >&2
    echo "  export JAVA_HOME=/path/to/jdk-21-or-newer" >&2
    return 1
}
