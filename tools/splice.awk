# splice.awk - a manual page source with its generated parts filled in: each line
# `@mkdoc WHAT [ARGS]@` is replaced by what `TOOL WHAT [ARGS]` prints (tools/mkdoc.c), and
# @DATADIR@ and @KEYWORDS@ by the values given. A failing tool fails the whole page.
# Usage: awk -v tool=MKDOC -v datadir=DIR -v keywords=FILE -f splice.awk PAGE.in
{ gsub(/@DATADIR@/, datadir); gsub(/@KEYWORDS@/, keywords) }
/^@mkdoc [^@]*@$/ {
        cmd = tool " " substr($0, 8, length($0) - 8)
        fflush()
        if (system(cmd) != 0) {
                print "splice.awk: " cmd " failed" > "/dev/stderr"
                failed = 1
                exit 1
        }
        next
}
/@[A-Z]+@/ && !/^\.\\"/ {
        print FILENAME ":" FNR ": unknown @...@ substitution" > "/dev/stderr"
        failed = 1
        exit 1
}
{ print }
END { if (failed) exit 1 }
