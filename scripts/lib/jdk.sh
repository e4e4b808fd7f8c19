# Sourced by .ci/run and scripts/benchmarks: exports JAVA_HOME as a JDK 21 or newer, JAVA_HOME
# itself when it is one, else the newest under /usr/lib/jvm (the machine's default may be 17).
java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print v[1] }'
}
select_jdk() {
    local best_jdk="" best_major=0 candidate major
    for candidate in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
        [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            if [ "$candidate" = "${JAVA_HOME:-}" ]; then
                best_jdk=$candidate
                best_major=$major
                break
            fi
            if [ "$major" -gt "$best_major" ]; then
                best_jdk=$candidate
                best_major=$major
            fi
        fi
    done
    if [ -z "$best_jdk" ]; then
        echo "No JDK 21+ found (looked at JAVA_HOME and /usr/lib/jvm)" >&2
        return 1
    fi
    export JAVA_HOME=$best_jdk
    export PATH="$JAVA_HOME/bin:$PATH"
    echo "Using JDK $best_major at $JAVA_HOME"
}
