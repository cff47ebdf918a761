#!/usr/bin/env bash
# Hostile inputs for the compile budget (issue 14), JMH-free: generates a 1 MB and a 5 MB
# script of triggers, 100,000 nested parentheses and 100,000 nested blocks, and runs
# `tec check` on each under -Xmx512m, printing wall time, CPU time and peak RSS (which
# mostly shows how far the JVM let the heap grow); then the 5 MB script under smaller heaps,
# which shows what it really needs.
# Usage: bench/hostile.sh [path/to/tec-cli.jar]   (build it first: mvn -B -q -o package -DskipTests)
set -euo pipefail
jar="${1:-target/tec-cli.jar}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
for mb in (1, 5):
    out = ['scenario "s" {\n phase exposure for 10 min {\n']
    size, i = 0, 0
    while size < mb << 20:
        l = '  when client.distress > %d once: encourage\n  at %d s: regulate mentalizing up to 0.8 over 30 s\n' % (i % 100, i % 600)
        out.append(l); size += len(l); i += 1
    out.append(' }\n}\n')
    open('%s/triggers%d.tec' % (d, mb), 'w').write(''.join(out))
n = 100000
open(d + '/parens.tec', 'w').write('scenario "s" {\n  phase free for 1 min { }\n  goal "g": ' + '(' * n + '1' + ')' * n + ' > 0\n}\n')
open(d + '/blocks.tec', 'w').write('scenario "s" {\n' + '  at 1 min: {\n' * n + '}\n' * n + '}\n')
PY
run() { # heap, file
    if [ -x /usr/bin/time ]; then
        timeout 120 /usr/bin/time -f '%e s wall, %U s user, %M KB peak RSS, exit %x' java "-Xmx$1" -jar "$jar" check "$2" 2>&1 >/dev/null \
            | grep -E 'error:|wall|tec:' | cut -c1-160 | head -2 | tr '\n' ' ' || true
    else
        timeout 120 java "-Xmx$1" -jar "$jar" check "$2" >/dev/null 2>&1 || true
        printf '(no /usr/bin/time)'
    fi
    echo
}
for f in triggers1 triggers5 parens blocks; do
    printf '%-10s %8s bytes, -Xmx512m: ' "$f" "$(wc -c < "$dir/$f.tec")"
    run 512m "$dir/$f.tec"
done
for heap in 384m 256m 192m; do
    printf 'triggers5 -Xmx%s: ' "$heap"
    run "$heap" "$dir/triggers5.tec"
done
